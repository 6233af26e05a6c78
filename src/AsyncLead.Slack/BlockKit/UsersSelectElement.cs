namespace AsyncLead.Slack.BlockKit;

public sealed record UsersSelectElement(string ActionId) : BlockElement("users_select", ActionId)
{
    public string? InitialUser { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

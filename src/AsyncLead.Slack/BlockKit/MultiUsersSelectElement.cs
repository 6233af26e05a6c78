namespace AsyncLead.Slack.BlockKit;

public sealed record MultiUsersSelectElement(string ActionId) : BlockElement("multi_users_select", ActionId)
{
    public IReadOnlyList<string>? InitialUsers { get; init; }

    public int? MaxSelectedItems { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

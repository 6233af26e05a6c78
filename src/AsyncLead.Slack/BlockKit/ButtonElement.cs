namespace AsyncLead.Slack.BlockKit;

public sealed record ButtonElement(string ActionId, PlainText Text) : BlockElement("button", ActionId)
{
    public string? Value { get; init; }

    public string? Url { get; init; }

    public ButtonStyle? Style { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

namespace AsyncLead.Slack.BlockKit;

public sealed record OverflowElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("overflow", ActionId)
{
    public ConfirmDialog? Confirm { get; init; }
}

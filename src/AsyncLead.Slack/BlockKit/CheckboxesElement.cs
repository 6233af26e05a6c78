namespace AsyncLead.Slack.BlockKit;

public sealed record CheckboxesElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("checkboxes", ActionId)
{
    public IReadOnlyList<Option>? InitialOptions { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

namespace AsyncLead.Slack.BlockKit;

public sealed record RadioButtonsElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("radio_buttons", ActionId)
{
    public Option? InitialOption { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

namespace AsyncLead.Slack.BlockKit;

public sealed record DatePickerElement(string ActionId) : BlockElement("datepicker", ActionId)
{
    /// <summary>Sent as <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? InitialDate { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

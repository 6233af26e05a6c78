using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

public sealed record TimePickerElement(string ActionId) : BlockElement("timepicker", ActionId)
{
    /// <summary>Sent as 24-hour <c>HH:mm</c>.</summary>
    [JsonConverter(typeof(HourMinuteJsonConverter))]
    public TimeOnly? InitialTime { get; init; }

    /// <summary>IANA time zone the picked time is in (e.g. <c>Europe/Berlin</c>); Slack echoes it in the state value.</summary>
    public string? Timezone { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

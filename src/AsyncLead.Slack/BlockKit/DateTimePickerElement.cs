using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

public sealed record DateTimePickerElement(string ActionId) : BlockElement("datetimepicker", ActionId)
{
    /// <summary>Sent as Unix seconds.</summary>
    [JsonConverter(typeof(UnixSecondsJsonConverter))]
    public DateTimeOffset? InitialDateTime { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

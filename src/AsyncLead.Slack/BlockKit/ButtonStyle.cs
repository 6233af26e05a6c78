using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("danger")]
    Danger,
}

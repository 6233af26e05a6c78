using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

[JsonConverter(typeof(JsonStringEnumConverter<ConversationKind>))]
public enum ConversationKind
{
    [JsonStringEnumMemberName("public")]
    Public,

    [JsonStringEnumMemberName("private")]
    Private,

    [JsonStringEnumMemberName("im")]
    Im,

    [JsonStringEnumMemberName("mpim")]
    Mpim,
}

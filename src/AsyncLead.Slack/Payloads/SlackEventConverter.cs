using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncLead.Slack.Payloads;

/// <summary>
/// Reads the inner event by its <c>type</c>, wherever that property sits in the object (Slack does not put it first),
/// falling back to <see cref="UnknownEvent"/> for types without a model.
/// </summary>
internal sealed class SlackEventConverter : JsonConverter<SlackEvent>
{
    public override SlackEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var element = document.RootElement;
        var type = SlackPayloadParser.ReadType(element) ?? throw new JsonException("event has no type");

        return type switch
        {
            "app_home_opened" => SlackPayloadParser.Read<AppHomeOpenedEvent>(element),
            "message" => SlackPayloadParser.Read<MessageEvent>(element),
            "app_uninstalled" => SlackPayloadParser.Read<AppUninstalledEvent>(element),
            "tokens_revoked" => SlackPayloadParser.Read<TokensRevokedEvent>(element),
            "user_change" => SlackPayloadParser.Read<UserChangeEvent>(element),
            "member_joined_channel" or "member_left_channel" => SlackPayloadParser.Read<ChannelMemberEvent>(element),
            "channel_left" or "group_left" or "channel_archive" or "group_archive" or "channel_unarchive" or "group_unarchive"
                => SlackPayloadParser.Read<ChannelEvent>(element),
            _ => new UnknownEvent
            {
                Type = type,
                EventTs = element.TryGetProperty("event_ts", out var ts) && ts.ValueKind == JsonValueKind.String ? ts.GetString() : null,
                Raw = element.Clone(),
            },
        };
    }

    public override void Write(Utf8JsonWriter writer, SlackEvent value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Slack events are only ever read.");
}

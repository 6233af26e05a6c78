using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace AsyncLead.Slack.Payloads;

/// <summary>
/// Turns request bodies (and Socket Mode envelope payloads) into payload models. Malformed input becomes a
/// failed <see cref="SlackParseResult{T}"/>, never an exception; unknown fields are ignored and unknown types
/// parse as the "unknown" kind.
/// </summary>
public static class SlackPayloadParser
{
    /// <summary>Parses <c>application/x-www-form-urlencoded</c> slash command fields.</summary>
    public static SlackParseResult<SlashCommand> ParseSlashCommand(ReadOnlySpan<byte> formBody)
    {
        var fields = ParseForm(formBody);
        return SlashCommandFrom(name => fields.TryGetValue(name, out var value) ? value.ToString() : null);
    }

    /// <summary>Parses the JSON object Socket Mode sends for <c>slash_commands</c> (same field names as the form).</summary>
    public static SlackParseResult<SlashCommand> ParseSlashCommand(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return SlackParseResult<SlashCommand>.Failure("slash command payload is not a JSON object");
        }

        return SlashCommandFrom(name => payload.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            }
            : null);
    }

    /// <summary>Parses an interactivity body: a form with one field, <c>payload</c>, holding JSON.</summary>
    public static SlackParseResult<InteractionPayload> ParseInteraction(ReadOnlySpan<byte> formBody)
    {
        var fields = ParseForm(formBody);
        if (!fields.TryGetValue("payload", out var json) || StringValues.IsNullOrEmpty(json))
        {
            return SlackParseResult<InteractionPayload>.Failure("interaction body has no payload field");
        }

        try
        {
            using var document = JsonDocument.Parse(json.ToString());
            return ParseInteraction(document.RootElement);
        }
        catch (JsonException exception)
        {
            return SlackParseResult<InteractionPayload>.Failure($"interaction payload is not valid JSON: {exception.Message}");
        }
    }

    public static SlackParseResult<InteractionPayload> ParseInteraction(JsonElement payload) =>
        ParseByType<InteractionPayload>(payload, "interaction", (type, element) => type switch
        {
            "block_actions" => WithoutNullItems(Read<BlockActionsPayload>(element), p => p.Actions, "actions"),
            "view_submission" => Read<ViewSubmissionPayload>(element),
            "view_closed" => Read<ViewClosedPayload>(element),
            "shortcut" => Read<GlobalShortcutPayload>(element),
            "message_action" => Read<MessageShortcutPayload>(element),
            "block_suggestion" => Read<BlockSuggestionPayload>(element),
            _ => Read<UnknownInteraction>(element),
        });

    /// <summary>Parses an Events API body (<c>application/json</c>).</summary>
    public static SlackParseResult<EventsApiPayload> ParseEvents(ReadOnlyMemory<byte> jsonBody)
    {
        try
        {
            using var document = JsonDocument.Parse(jsonBody);
            return ParseEvents(document.RootElement);
        }
        catch (JsonException exception)
        {
            return SlackParseResult<EventsApiPayload>.Failure($"events body is not valid JSON: {exception.Message}");
        }
    }

    public static SlackParseResult<EventsApiPayload> ParseEvents(JsonElement payload) =>
        ParseByType<EventsApiPayload>(payload, "events", (type, element) => type switch
        {
            "url_verification" => Read<UrlVerificationPayload>(element),
            "event_callback" => Read<EventCallbackPayload>(element),
            _ => Read<UnknownEventsApiPayload>(element),
        });

    internal static string? ReadType(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    /// <summary>Nullable annotations don't reach list items: a null among them is malformed input, not a handler's problem.</summary>
    private static T WithoutNullItems<T, TItem>(T payload, Func<T, IEnumerable<TItem?>> items, string name) =>
        items(payload).Any(item => item is null) ? throw new JsonException($"{name} contains null") : payload;

    internal static T Read<T>(JsonElement element) =>
        element.Deserialize<T>(SlackJson.Options) ?? throw new JsonException($"{typeof(T).Name} is null");

    private static SlackParseResult<T> ParseByType<T>(JsonElement payload, string what, Func<string, JsonElement, T> read)
        where T : class
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return SlackParseResult<T>.Failure($"{what} payload is not a JSON object");
        }

        var type = ReadType(payload);
        if (string.IsNullOrEmpty(type))
        {
            return SlackParseResult<T>.Failure($"{what} payload has no type");
        }

        try
        {
            return SlackParseResult<T>.Success(read(type, payload));
        }
        catch (JsonException exception)
        {
            return SlackParseResult<T>.Failure($"{what} payload of type {type} is malformed: {exception.Message}");
        }
    }

    private static SlackParseResult<SlashCommand> SlashCommandFrom(Func<string, string?> field)
    {
        string[] required = ["command", "team_id", "channel_id", "user_id"];
        var missing = required.Where(name => string.IsNullOrEmpty(field(name))).ToList();
        if (missing.Count > 0)
        {
            return SlackParseResult<SlashCommand>.Failure($"slash command is missing {string.Join(", ", missing)}");
        }

        return SlackParseResult<SlashCommand>.Success(new SlashCommand
        {
            Command = field("command")!,
            Text = field("text") ?? "",
            TeamId = field("team_id")!,
            TeamDomain = field("team_domain"),
            EnterpriseId = NullIfEmpty(field("enterprise_id")),
            EnterpriseName = NullIfEmpty(field("enterprise_name")),
            ChannelId = field("channel_id")!,
            ChannelName = field("channel_name"),
            UserId = field("user_id")!,
            UserName = field("user_name"),
            ResponseUrl = NullIfEmpty(field("response_url")),
            TriggerId = NullIfEmpty(field("trigger_id")),
            ApiAppId = NullIfEmpty(field("api_app_id")),
            IsEnterpriseInstall = string.Equals(field("is_enterprise_install"), "true", StringComparison.OrdinalIgnoreCase),
        });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static Dictionary<string, StringValues> ParseForm(ReadOnlySpan<byte> formBody) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(formBody)).ToDictionary(
            field => field.Key,
            field => new StringValues(field.Value.Select(SlackJson.NoNulCharacters.Strip).ToArray()));
}

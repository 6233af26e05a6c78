using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>
/// Turns what a person enters into an element into Slack's state value shape (CONTRACT.md §3 table):
/// <c>value</c>, <c>selected_date</c>, <c>selected_time</c>, <c>selected_date_time</c>, <c>selected_user(s)</c>,
/// <c>selected_conversation(s)</c>, <c>selected_channel(s)</c>, <c>selected_option(s)</c>, <c>rich_text_value</c>.
/// Values may be given as text or as .NET values (DateOnly, TimeOnly, DateTimeOffset, numbers, string lists).
/// </summary>
internal static class ElementValues
{
    /// <summary>The element's state value: the given value, or (when <paramref name="entered"/> is false) its initial value.</summary>
    public static JsonObject StateValue(JsonObject element, bool entered, object? value)
    {
        var type = Type(element);
        var state = new JsonObject { ["type"] = type };
        switch (type)
        {
            case "plain_text_input" or "email_text_input" or "url_text_input" or "number_input":
                state["value"] = entered ? Text(value) : Initial(element, "initial_value");
                break;
            case "datepicker":
                state["selected_date"] = entered ? DateText(value) : Initial(element, "initial_date");
                break;
            case "timepicker":
                state["selected_time"] = entered ? TimeText(value) : Initial(element, "initial_time");
                if (element["timezone"] is { } timezone)
                {
                    state["timezone"] = timezone.DeepClone();
                }

                break;
            case "datetimepicker":
                state["selected_date_time"] = entered ? JsonValue.Create(UnixSeconds(value)) : Initial(element, "initial_date_time");
                break;
            case "users_select":
                state["selected_user"] = entered ? Text(value) : Initial(element, "initial_user");
                break;
            case "multi_users_select":
                state["selected_users"] = entered ? TextArray(value) : Initial(element, "initial_users") ?? new JsonArray();
                break;
            case "conversations_select":
                state["selected_conversation"] = entered ? Text(value) : Initial(element, "initial_conversation");
                break;
            case "multi_conversations_select":
                state["selected_conversations"] = entered ? TextArray(value) : Initial(element, "initial_conversations") ?? new JsonArray();
                break;
            case "channels_select":
                state["selected_channel"] = entered ? Text(value) : Initial(element, "initial_channel");
                break;
            case "multi_channels_select":
                state["selected_channels"] = entered ? TextArray(value) : Initial(element, "initial_channels") ?? new JsonArray();
                break;
            case "static_select" or "external_select" or "radio_buttons" or "overflow":
                state["selected_option"] = entered ? (value is null ? null : FindOption(element, Text(value)!)) : Initial(element, "initial_option");
                break;
            case "multi_static_select" or "multi_external_select" or "checkboxes":
                state["selected_options"] = entered
                    ? new JsonArray(Texts(value).Select(v => (JsonNode?)FindOption(element, v)).ToArray())
                    : Initial(element, "initial_options") ?? new JsonArray();
                break;
            case "rich_text_input":
                state["rich_text_value"] = entered ? RichText(value) : Initial(element, "initial_value");
                break;
            default:
                throw new InvalidOperationException($"A person cannot enter a value into a {type} element.");
        }

        return state;
    }

    /// <summary>True when the state value holds nothing (what a required input refuses to submit).</summary>
    public static bool IsEmpty(JsonObject state) =>
        state.Where(p => p.Key != "type" && p.Key != "timezone").All(p => p.Value switch
        {
            null => true,
            JsonArray array => array.Count == 0,
            JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0,
            _ => false,
        });

    /// <summary>Slack's client refuses text shorter than min_length or longer than max_length; so does the simulator.</summary>
    public static void CheckLength(JsonObject element, JsonObject state, string field)
    {
        if (state["value"] is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            return;
        }

        if (element["max_length"]?.GetValue<int>() is { } max && text.Length > max)
        {
            throw new InvalidOperationException($"Slack will not submit {field}: {text.Length} characters, max_length is {max}.");
        }

        if (element["min_length"]?.GetValue<int>() is { } min && text.Length < min)
        {
            throw new InvalidOperationException($"Slack will not submit {field}: {text.Length} characters, min_length is {min}.");
        }
    }

    public static string Type(JsonObject element) => element["type"]?.GetValue<string>() ?? "";

    private static JsonNode? Initial(JsonObject element, string name) => element[name]?.DeepClone();

    private static JsonObject FindOption(JsonObject element, string valueOrText)
    {
        var options = (element["options"] as JsonArray ?? [])
            .Concat((element["option_groups"] as JsonArray ?? []).SelectMany(g => g?["options"] as JsonArray ?? []))
            .OfType<JsonObject>()
            .ToList();
        if (Type(element) is "external_select" or "multi_external_select")
        {
            // External options come from the app's options endpoint, which the simulator does not call.
            return new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = valueOrText, ["emoji"] = true }, ["value"] = valueOrText };
        }

        var option = options.Find(o => o["value"]?.GetValue<string>() == valueOrText)
            ?? options.Find(o => o["text"]?["text"]?.GetValue<string>() == valueOrText);
        return option?.DeepClone().AsObject()
            ?? throw new InvalidOperationException($"No option '{valueOrText}' in {element["action_id"]}; options: "
                + string.Join(", ", options.Select(o => o["value"]?.GetValue<string>())));
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static IEnumerable<string> Texts(object? value) => value switch
    {
        null => [],
        string s => [s],
        IEnumerable many => many.Cast<object?>().Select(v => Text(v)!),
        _ => [Text(value)!],
    };

    private static JsonArray TextArray(object? value) => new(Texts(value).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static string? DateText(object? value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    private static string? TimeText(object? value) => value switch
    {
        TimeOnly t => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => Text(value),
    };

    private static long? UnixSeconds(object? value) => value switch
    {
        null => null,
        DateTimeOffset at => at.ToUnixTimeSeconds(),
        long seconds => seconds,
        int seconds => seconds,
        string s => long.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A datetimepicker takes a DateTimeOffset or Unix seconds, not {value.GetType().Name}."),
    };

    private static JsonNode? RichText(object? value) => value switch
    {
        null => null,
        JsonObject block => block.DeepClone(),
        _ => new JsonObject
        {
            ["type"] = "rich_text",
            ["elements"] = new JsonArray(new JsonObject
            {
                ["type"] = "rich_text_section",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Text(value) }),
            }),
        },
    };
}

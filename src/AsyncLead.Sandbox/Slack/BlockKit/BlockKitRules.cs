using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.BlockKit;

/// <summary>
/// Slack's Block Kit limits (CONTRACT.md §5), checked the way Slack's schema validation reports them:
/// one <c>"[ERROR] … [json-pointer:…]"</c> line per problem. "must be less than N characters",
/// "no more than N items allowed" and "failed to match all allowed schemas" are Slack's own wording;
/// the duplicate-id and missing-submit lines follow the same shape in our words.
/// </summary>
internal static class BlockKitRules
{
    public const int MaxMessageBlocks = 50;
    public const int MaxViewBlocks = 100;

    private static readonly HashSet<string> BlockTypes =
        ["section", "divider", "image", "actions", "context", "input", "header", "rich_text", "markdown", "file", "video"];

    private static readonly HashSet<string> ElementTypes =
    [
        "button", "checkboxes", "datepicker", "datetimepicker", "timepicker", "email_text_input", "url_text_input",
        "number_input", "plain_text_input", "rich_text_input", "file_input", "image", "overflow", "radio_buttons",
        "static_select", "external_select", "users_select", "conversations_select", "channels_select",
        "multi_static_select", "multi_external_select", "multi_users_select", "multi_conversations_select",
        "multi_channels_select", "workflow_button",
    ];

    /// <summary>Problems with a message's <c>blocks</c> (chat.postMessage / chat.update / chat.postEphemeral).</summary>
    public static IReadOnlyList<string> CheckMessageBlocks(JsonNode? blocks)
    {
        var problems = new Problems();
        CheckBlocks(blocks, "/blocks", MaxMessageBlocks, problems);
        return problems;
    }

    /// <summary>Problems with a modal or Home tab view (views.open / update / push / publish).</summary>
    public static IReadOnlyList<string> CheckView(JsonNode? view)
    {
        var problems = new Problems();
        if (view is not JsonObject v)
        {
            problems.Add("failed to match all allowed schemas", "/view");
            return problems;
        }

        var type = Str(v, "type");
        if (type is not ("modal" or "home"))
        {
            problems.Add("failed to match all allowed schemas", "/view/type");
            return problems;
        }

        CheckBlocks(v["blocks"], "/view/blocks", MaxViewBlocks, problems);
        problems.TooLong(Str(v, "private_metadata"), 3000, "/view/private_metadata");
        problems.TooLong(Str(v, "callback_id"), 255, "/view/callback_id");
        problems.TooLong(Str(v, "external_id"), 255, "/view/external_id");

        if (type == "modal")
        {
            if (v["title"] is null)
            {
                problems.Add("missing required field: title", "/view");
            }

            CheckPlainText(v["title"], 24, "/view/title", problems);
            CheckPlainText(v["submit"], 24, "/view/submit", problems);
            CheckPlainText(v["close"], 24, "/view/close", problems);

            var hasInput = v["blocks"] is JsonArray blocks && blocks.OfType<JsonObject>().Any(b => Str(b, "type") == "input");
            if (hasInput && v["submit"] is null)
            {
                problems.Add("must provide a submit property when using input blocks", "/view");
            }
        }

        return problems;
    }

    private static void CheckBlocks(JsonNode? node, string pointer, int maxBlocks, Problems problems)
    {
        if (node is not JsonArray blocks)
        {
            problems.Add("failed to match all allowed schemas", pointer);
            return;
        }

        problems.TooMany(blocks.Count, maxBlocks, pointer);
        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"{pointer}/{i}";
            if (blocks[i] is not JsonObject block || Str(block, "type") is not { } type || !BlockTypes.Contains(type))
            {
                problems.Add("failed to match all allowed schemas", at);
                continue;
            }

            if (Str(block, "block_id") is { } blockId)
            {
                problems.TooLong(blockId, 255, $"{at}/block_id");
                if (!blockIds.Add(blockId))
                {
                    problems.Add($"duplicate block_id: {blockId}", $"{at}/block_id");
                }
            }

            CheckBlock(block, type, at, problems);
        }
    }

    private static void CheckBlock(JsonObject block, string type, string at, Problems problems)
    {
        switch (type)
        {
            case "section":
                if (block["text"] is null && block["fields"] is null)
                {
                    problems.Add("must provide either text or fields", at);
                }

                CheckText(block["text"], 3000, $"{at}/text", problems);
                if (block["fields"] is JsonArray fields)
                {
                    problems.TooMany(fields.Count, 10, $"{at}/fields");
                    for (var f = 0; f < fields.Count; f++)
                    {
                        CheckText(fields[f], 2000, $"{at}/fields/{f}", problems);
                    }
                }

                CheckElements(block["accessory"] is { } accessory ? [accessory.DeepClone()] : [], $"{at}/accessory", single: true, problems);
                break;
            case "header":
                if (block["text"] is null)
                {
                    problems.Add("missing required field: text", at);
                }

                CheckPlainText(block["text"], 150, $"{at}/text", problems);
                break;
            case "actions":
                CheckElementList(block, 25, at, problems);
                break;
            case "context":
                // Context holds text objects and images, not interactive elements.
                if (block["elements"] is JsonArray contextElements)
                {
                    problems.TooMany(contextElements.Count, 10, $"{at}/elements");
                }
                else
                {
                    problems.Add("missing required field: elements", at);
                }

                break;
            case "input":
                CheckPlainText(block["label"], 2000, $"{at}/label", problems);
                CheckPlainText(block["hint"], 2000, $"{at}/hint", problems);
                if (block["element"] is { } element)
                {
                    CheckElements([element.DeepClone()], $"{at}/element", single: true, problems);
                }
                else
                {
                    problems.Add("missing required field: element", at);
                }

                break;
        }
    }

    private static void CheckElementList(JsonObject block, int max, string at, Problems problems)
    {
        if (block["elements"] is not JsonArray elements)
        {
            problems.Add("missing required field: elements", at);
            return;
        }

        problems.TooMany(elements.Count, max, $"{at}/elements");
        CheckElements(elements, $"{at}/elements", single: false, problems);
    }

    private static void CheckElements(JsonArray elements, string pointer, bool single, Problems problems)
    {
        var actionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < elements.Count; i++)
        {
            var at = single ? pointer : $"{pointer}/{i}";
            if (elements[i] is not JsonObject element || Str(element, "type") is not { } type || !ElementTypes.Contains(type))
            {
                problems.Add("failed to match all allowed schemas", at);
                continue;
            }

            if (Str(element, "action_id") is { } actionId)
            {
                problems.TooLong(actionId, 255, $"{at}/action_id");
                if (!actionIds.Add(actionId))
                {
                    problems.Add($"duplicate action_id: {actionId}", $"{at}/action_id");
                }
            }

            CheckElement(element, type, at, problems);
        }
    }

    private static void CheckElement(JsonObject element, string type, string at, Problems problems)
    {
        CheckPlainText(element["placeholder"], 150, $"{at}/placeholder", problems);
        switch (type)
        {
            case "button":
                if (element["text"] is null)
                {
                    problems.Add("missing required field: text", at);
                }

                CheckPlainText(element["text"], 75, $"{at}/text", problems);
                problems.TooLong(Str(element, "value"), 2000, $"{at}/value");
                problems.TooLong(Str(element, "url"), 3000, $"{at}/url");
                break;
            case "plain_text_input":
                if (element["max_length"] is JsonValue maxLength && maxLength.TryGetValue<int>(out var max) && max > 3000)
                {
                    problems.Add("must be less than 3001", $"{at}/max_length");
                }

                if (element["min_length"] is JsonValue minLength && minLength.TryGetValue<int>(out var min) && min > 3000)
                {
                    problems.Add("must be less than 3001", $"{at}/min_length");
                }

                break;
            case "static_select" or "multi_static_select":
                CheckOptions(element["options"], 100, $"{at}/options", problems);
                if (element["option_groups"] is JsonArray groups)
                {
                    for (var g = 0; g < groups.Count; g++)
                    {
                        CheckOptions(groups[g]?["options"], 100, $"{at}/option_groups/{g}/options", problems);
                    }
                }

                break;
            case "overflow":
                CheckOptions(element["options"], 5, $"{at}/options", problems);
                break;
            case "radio_buttons" or "checkboxes":
                CheckOptions(element["options"], 10, $"{at}/options", problems);
                break;
        }

        if (element["initial_option"] is JsonObject initialOption)
        {
            CheckOption(initialOption, $"{at}/initial_option", problems);
        }
    }

    private static void CheckOptions(JsonNode? node, int max, string at, Problems problems)
    {
        if (node is not JsonArray options)
        {
            return;
        }

        problems.TooMany(options.Count, max, at);
        for (var i = 0; i < options.Count; i++)
        {
            CheckOption(options[i], $"{at}/{i}", problems);
        }
    }

    private static void CheckOption(JsonNode? option, string at, Problems problems)
    {
        if (option is not JsonObject o)
        {
            problems.Add("failed to match all allowed schemas", at);
            return;
        }

        CheckText(o["text"], 75, $"{at}/text", problems);
        problems.TooLong(Str(o, "value"), 150, $"{at}/value");
    }

    private static void CheckPlainText(JsonNode? node, int max, string at, Problems problems)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject text || Str(text, "type") != "plain_text")
        {
            problems.Add("failed to match all allowed schemas", at);
            return;
        }

        CheckText(text, max, at, problems);
    }

    private static void CheckText(JsonNode? node, int max, string at, Problems problems)
    {
        if (node is null)
        {
            return;
        }

        if (node is not JsonObject text || Str(text, "type") is not ("plain_text" or "mrkdwn") || Str(text, "text") is not { } value)
        {
            problems.Add("failed to match all allowed schemas", at);
            return;
        }

        if (value.Length == 0)
        {
            problems.Add("must be more than 0 characters", $"{at}/text");
        }

        problems.TooLong(value, max, $"{at}/text");
    }

    private static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private sealed class Problems : List<string>
    {
        public void Add(string message, string pointer) => Add($"[ERROR] {message} [json-pointer:{pointer}]");

        public void TooLong(string? value, int max, string pointer)
        {
            if (value is not null && value.Length > max)
            {
                Add($"must be less than {max + 1} characters", pointer);
            }
        }

        public void TooMany(int count, int max, string pointer)
        {
            if (count > max)
            {
                Add($"no more than {max} items allowed", pointer);
            }
        }
    }
}

using System.Globalization;
using System.Text.Json;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// Slack submits a text input only within its <c>max_length</c>, and none longer than 3000 characters. A submission
/// that says otherwise did not come through Slack's form, so it reaches no handler: each such field is told its limit,
/// the modal stays open and nothing is saved.
/// </summary>
internal static class SubmittedLengths
{
    public static ViewResponseAck? Refusal(SlackView view)
    {
        Dictionary<string, string>? errors = null;
        var declared = DeclaredMaxLengths(view.Blocks);
        // Read as Slack sent it: a malformed entry is the handler's to refuse, never a reason for a 500 here.
        foreach (var (blockId, actions) in view.State?.Values ?? new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>())
        {
            foreach (var (actionId, value) in actions ?? new Dictionary<string, ViewStateValue>())
            {
                if (value?.Value is not { } text)
                {
                    continue;
                }

                var limit = declared.TryGetValue((blockId, actionId), out var max) ? Math.Min(max, BlockKitLimits.TextInputLength) : BlockKitLimits.TextInputLength;
                // Counted in code points, never more than Slack counts, so nothing Slack let through is refused.
                if (text.Length > limit && text.EnumerateRunes().Count() > limit)
                {
                    (errors ??= [])[blockId] = string.Create(CultureInfo.InvariantCulture,
                        $"This is {text.EnumerateRunes().Count():N0} characters long; it can be at most {limit:N0}. Nothing was saved.");
                }
            }
        }

        return errors is null ? null : SlackAck.ViewErrors(errors);
    }

    // The view's inputs as Slack echoes them back; anything malformed declares nothing (the 3000 cap still holds).
    private static Dictionary<(string BlockId, string ActionId), int> DeclaredMaxLengths(JsonElement blocks)
    {
        var limits = new Dictionary<(string, string), int>();
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            return limits;
        }

        foreach (var block in blocks.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object
                && block.TryGetProperty("block_id", out var blockId) && blockId.ValueKind == JsonValueKind.String
                && block.TryGetProperty("element", out var element) && element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("action_id", out var actionId) && actionId.ValueKind == JsonValueKind.String
                && element.TryGetProperty("max_length", out var max) && max.TryGetInt32(out var length))
            {
                limits[(blockId.GetString()!, actionId.GetString()!)] = length;
            }
        }

        return limits;
    }
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AsyncLead.Sandbox.Slack;

/// <summary>
/// What Slack would send as a broadcast (a notification to a whole channel or user group) for a payload the app sent:
/// <c>&lt;!here&gt;</c>, <c>&lt;!channel&gt;</c>, <c>&lt;!group&gt;</c> (Slack's synonym for channel), <c>&lt;!everyone&gt;</c>
/// and <c>&lt;!subteam^…&gt;</c> in any text Slack parses (mrkdwn text objects, markdown blocks, a message's top-level
/// <c>text</c>), and plain <c>@here</c>/<c>@channel</c>/<c>@group</c>/<c>@everyone</c> too when the call asks Slack to
/// link names (<c>link_names</c>, <c>parse=full</c>). plain_text objects are shown as typed, never parsed.
/// Source: Slack's message-formatting reference, "Parsing modes" (slackhq/slack-api-docs page_formatting.md).
/// </summary>
public static partial class SlackBroadcasts
{
    [GeneratedRegex(@"<!(?:here|channel|group|everyone)(?:\|[^<>]*)?>|<!subteam\^[^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex(@"(?<![\w@])@(?:here|channel|group|everyone)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    /// <summary>The broadcasts in one payload (a Web API call's arguments, a response_url body, an ack body).</summary>
    public static IReadOnlyList<string> In(JsonNode? payload)
    {
        var linkNames = payload is JsonObject args && (Flag(args["link_names"]) || args["parse"]?.ToString() == "full");
        var found = new List<string>();
        Walk(payload, linkNames, found);
        return found;
    }

    private static void Walk(JsonNode? node, bool linkNames, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                var plain = obj["type"]?.ToString() == "plain_text";
                foreach (var (name, value) in obj)
                {
                    if (name == "text" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        if (!plain)
                        {
                            found.AddRange(Token().Matches(text).Select(m => m.Value));
                            if (linkNames)
                            {
                                found.AddRange(PlainName().Matches(text).Select(m => m.Value));
                            }
                        }
                    }
                    else
                    {
                        Walk(value, linkNames, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, linkNames, found);
                }

                break;
        }
    }

    private static bool Flag(JsonNode? value) => value?.ToString() is "true" or "1" or "True";
}

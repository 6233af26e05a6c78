using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack;

internal static class JsonText
{
    /// <summary>Every <c>"text"</c> string inside a Block Kit tree, depth first.</summary>
    public static IEnumerable<string> AllTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "text" && value is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        yield return text;
                    }
                    else
                    {
                        foreach (var inner in AllTexts(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in AllTexts(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.BlockKit;

internal static class JsonAssert
{
    /// <summary>Same JSON as Slack sees it: same members and values, member order ignored.</summary>
    public static void Equivalent(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"Expected:\n{Indented(expected)}\nActual:\n{Indented(actual)}");
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, SlackJson.Options);

    private static string Indented(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null";
}

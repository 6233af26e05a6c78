using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncLead.Slack;

/// <summary>The one JSON configuration for everything that crosses the Slack boundary (Slack speaks snake_case).</summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            // `required` only checks that a member is present; a JSON null in a non-nullable member must be a parse
            // failure (400), not a NullReferenceException in a handler (500).
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

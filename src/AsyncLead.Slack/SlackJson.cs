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
            Converters = { new NoNulCharacters() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Slack never sends U+0000, and PostgreSQL's text type can't store it: a forged one would fail the first insert
    /// with a 500. It is dropped where every string enters.
    /// </summary>
    internal sealed class NoNulCharacters : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Strip(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public static string? Strip(string? value) =>
            value is not null && value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value;
    }
}

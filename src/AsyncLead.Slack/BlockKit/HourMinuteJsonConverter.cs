using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

/// <summary>Timepicker times: Slack wants 24-hour <c>HH:mm</c>, never seconds.</summary>
internal sealed class HourMinuteJsonConverter : JsonConverter<TimeOnly>
{
    private const string Format = "HH:mm";

    public override TimeOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeOnly.ParseExact(reader.GetString()!, Format, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, TimeOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}

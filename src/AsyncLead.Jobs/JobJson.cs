using System.Text.Json;

namespace AsyncLead.Jobs;

/// <summary>How payloads are written to and read from <c>jobs.payload</c>.</summary>
internal static class JobJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize(object? payload) =>
        payload is null ? "{}" : JsonSerializer.Serialize(payload, payload.GetType(), Options);
}

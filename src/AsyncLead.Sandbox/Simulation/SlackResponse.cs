using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>What the bot answered to a request the simulator sent as Slack.</summary>
public sealed class SlackResponse
{
    internal SlackResponse(HttpStatusCode status, string? contentType, IReadOnlyDictionary<string, string> headers, string body)
    {
        Status = status;
        ContentType = contentType;
        Headers = headers;
        Body = body;
        Json = Parse(body);
    }

    public HttpStatusCode Status { get; }

    /// <summary>The media type alone, e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; }

    /// <summary>Response and content headers by case-insensitive name; repeated values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }

    /// <summary>The body parsed as JSON, or null when it is empty or not JSON.</summary>
    public JsonNode? Json { get; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public override string ToString() => $"{(int)Status} {ContentType} {Body}";

    private static JsonNode? Parse(string body)
    {
        if (body.Length == 0 || body[0] is not ('{' or '['))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>One parsed Web API request as a method handler sees it (the world's lock is held).</summary>
internal sealed class ApiCall
{
    public required SlackWorld World { get; init; }
    public required JsonObject Args { get; init; }
    public required Uri BaseAddress { get; init; }

    /// <summary>The workspace the bot token belongs to; null for methods that take no bot token.</summary>
    public WorkspaceRecord? Workspace { get; init; }

    /// <summary>Client credentials from an HTTP Basic header (oauth.v2.access).</summary>
    public (string Id, string Secret)? BasicCredentials { get; init; }

    public WorkspaceRecord Team => Workspace ?? throw new InvalidOperationException("This method needs a bot token.");

    /// <summary>An argument as text: strings as they are, numbers and booleans as JSON writes them; empty means absent.</summary>
    public string? Str(string name) => Args[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length == 0 ? null : s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public bool Flag(string name) => Str(name) is "true" or "1";

    public int? Int(string name) =>
        int.TryParse(Str(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A structured argument (blocks, view, metadata): already parsed from its JSON string when possible.</summary>
    public JsonNode? Node(string name) => Args[name];
}

using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>The view as Slack stored it: its id and the hash that guards the next update.</summary>
public sealed record ViewHandle(string Id, string Hash)
{
    public string? ExternalId { get; init; }
}

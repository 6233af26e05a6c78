using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncLead.Web;

/// <summary>What a link opens: a page kind, the workspace it belongs to, the page's key, and who it was handed to.</summary>
public sealed record LinkTarget(string Kind, string WorkspaceId, string Key, string? ViewerId = null)
{
    /// <summary>
    /// The kind of the link Slack handed out that this one was derived from (its own kind when it came from Slack): a
    /// page may link onward only within it, so a doc's link never opens the whole decision log.
    /// </summary>
    public string? Scope { get; init; }

    /// <summary>When the link Slack handed out was made; a workspace's removal closes every link issued before it.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>When the link Slack handed out stops working; links derived from it end then too, never later.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public string EffectiveScope => Scope ?? Kind;
}

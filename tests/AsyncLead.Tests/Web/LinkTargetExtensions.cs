using AsyncLead.Web;

namespace AsyncLead.Tests.Web;

internal static class LinkTargetExtensions
{
    /// <summary>What a checked link opens, without when it was issued, until when and in which scope.</summary>
    public static LinkTarget Opens(this LinkTarget? target) =>
        (target ?? throw new ArgumentNullException(nameof(target))) with { Scope = null, IssuedAt = null, ExpiresAt = null };
}

namespace AsyncLead.Web;

/// <summary>App-wide settings, bound from the <c>AsyncLead</c> section (env: <c>AsyncLead__*</c>).</summary>
public sealed class AsyncLeadOptions
{
    public const string SectionName = "AsyncLead";

    /// <summary>The public https address Slack and browsers reach us at; used in links we hand out.</summary>
    public string? PublicUrl { get; set; }
}

namespace AsyncLead.Slack;

/// <summary>Slack credentials and endpoints, bound from the <c>Slack</c> configuration section (env: <c>Slack__*</c>).</summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies inbound HTTP requests (v0 signatures). Required for the HTTP receivers.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Single-workspace bot token (<c>xoxb-…</c>).</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>); when set, events arrive over Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Every outbound Slack Web API call goes through this base; tests point it at a fake Slack on loopback.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>True when inbound requests can be accepted at all (HTTP needs the signing secret; Socket Mode the app token).</summary>
    public bool CanReceive => !string.IsNullOrWhiteSpace(SigningSecret) || UsesSocketMode;
}

namespace AsyncLead.Slack.Payloads;

/// <summary>A slash command invocation (form fields over HTTP; the same names as JSON over Socket Mode).</summary>
public sealed record SlashCommand
{
    /// <summary>The command as typed, with its slash, e.g. <c>/weekly-update</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Everything after the command; empty when nothing was typed.</summary>
    public required string Text { get; init; }

    public required string TeamId { get; init; }
    public string? TeamDomain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public required string ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public required string UserId { get; init; }
    public string? UserName { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    public string? ApiAppId { get; init; }
    public bool IsEnterpriseInstall { get; init; }
}

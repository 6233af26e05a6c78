using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Install;

/// <summary>Which install a request belongs to: the team's, or for an org-wide install the enterprise's.</summary>
public static class InstallKey
{
    public static string? Of(SlackContext context) =>
        context.IsEnterpriseInstall && context.EnterpriseId is { Length: > 0 } enterprise ? enterprise : context.TeamId;
}

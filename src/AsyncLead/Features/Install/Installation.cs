using AsyncLead.Outbox;
using AsyncLead.Web;
using Microsoft.AspNetCore.DataProtection;

namespace AsyncLead.Features.Install;

/// <summary>A workspace's install; <see cref="WorkspaceId"/> is the team id, or the enterprise id for an org-wide install.</summary>
public sealed record Installation(string WorkspaceId, string? TeamName, string? EnterpriseId, bool IsEnterpriseInstall,
    string? BotUserId, string Scopes, string? InstalledBy, DateTimeOffset InstalledAt);

using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary>A modal or Home view as Slack echoes it back in interaction payloads.</summary>
public sealed record SlackView
{
    public required string Id { get; init; }
    public string? TeamId { get; init; }

    /// <summary><c>modal</c> or <c>home</c>.</summary>
    public string? Type { get; init; }

    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }

    /// <summary>Pass back to views.update/views.publish so a stale view is not overwritten.</summary>
    public string? Hash { get; init; }

    public string? RootViewId { get; init; }
    public string? PreviousViewId { get; init; }
    public string? ExternalId { get; init; }
    public string? AppId { get; init; }
    public string? BotId { get; init; }
    public string? AppInstalledTeamId { get; init; }
    public bool NotifyOnClose { get; init; }
    public bool ClearOnClose { get; init; }

    /// <summary>The view's blocks exactly as Slack sent them (Block Kit models are for building, not reading back).</summary>
    public JsonElement Blocks { get; init; }

    public ViewState State { get; init; } = new();
}

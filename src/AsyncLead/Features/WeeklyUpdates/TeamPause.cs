using AsyncLead.Jobs;
using AsyncLead.Outbox;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A team whose channel the bot can no longer post in (removed, archived, deleted) is paused: no prompts, nudges or
/// closes; its lead hears it once, in a DM; its posts keep trying every <see cref="RetryEvery"/> for <see cref="RetryFor"/>,
/// then stop (the updates stay saved and on the team's page). Saving setup again or inviting the bot back unpauses it.
/// </summary>
public sealed partial class TeamPause(JobQueue queue, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<TeamPause> logger)
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromDays(1);

    public static readonly TimeSpan RetryEvery = TimeSpan.FromMinutes(15);

    /// <summary>A post for the team found its channel gone (<paramref name="error"/>): pauses it; returns when to try again, or null to stop.</summary>
    public async Task<TimeSpan?> ChannelGoneAsync(TeamChannel team, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (pausedAt, began) = await TeamStore.PauseAsync(connection, transaction, team.Id, error, now, ct);
        if (began)
        {
            await queue.EnqueueAsync(connection, transaction,
                new Notice(team.WorkspaceId, team.LeadUserId, WeeklyTexts.TeamPaused(team.ChannelId, error)).Request(), ct);
        }

        await transaction.CommitAsync(ct);
        if (now - pausedAt < RetryFor)
        {
            return RetryEvery;
        }

        LogGaveUp(team.Id, team.ChannelId, error, pausedAt);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Team {TeamId}: the bot has not been able to post in {ChannelId} ({Error}) since {PausedAt}; the post is dropped")]
    private partial void LogGaveUp(long teamId, string channelId, string error, DateTimeOffset pausedAt);
}

using AsyncLead.Jobs;
using AsyncLead.Outbox;
using AsyncLead.Slack.WebApi;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Members;

/// <summary>
/// The keeper of <c>slack_channels</c> and <c>slack_channel_members</c>: whether a channel is private and who is in it,
/// so that what comes from a private channel (a doc, a record, a page) is shown only to its members, and a team's
/// channel is known without asking Slack. Visibility reads never call Slack: a channel not learned yet counts as private
/// (fail closed) and is learned by a job. Membership events keep what is learned true.
/// </summary>
public sealed class ChannelAccess(NpgsqlDataSource dataSource, JobQueue jobs, ISlackClient slack, TimeProvider clock) : IWorkspaceDataKeeper
{
    public const string LearnJobKind = "members.learn-channel";

    /// <summary>A learned channel is asked again after this; events keep it fresh in between.</summary>
    public static readonly TimeSpan RelearnAfter = TimeSpan.FromDays(1);

    /// <summary>Learns the channel off the request path; one pending job per channel.</summary>
    public static JobRequest LearnRequest(string workspaceId, string channelId) =>
        new(LearnJobKind, new LearnPayload(workspaceId, channelId))
        {
            JobKey = $"channel-access:{workspaceId}:{channelId}",
            Scope = WorkspaceScope.For(workspaceId),
        };

    /// <summary>
    /// Which of <paramref name="channelIds"/> <paramref name="viewerId"/> may read: public channels, private ones they are
    /// in, and <paramref name="hereChannelId"/> (a slash command or click comes from a channel its person is in).
    /// Channels never learned are hidden and queued for learning.
    /// </summary>
    public async Task<IReadOnlySet<string>> VisibleAsync(string workspaceId, string? viewerId, string? hereChannelId,
        IEnumerable<string> channelIds, CancellationToken ct)
    {
        var wanted = channelIds.Distinct(StringComparer.Ordinal).ToArray();
        var visible = new HashSet<string>(StringComparer.Ordinal);
        if (wanted.Length == 0)
        {
            return visible;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string ChannelId, bool IsPrivate, bool IsMember)>(new CommandDefinition(
            """
            SELECT c.channel_id, c.is_private,
                   EXISTS (SELECT 1 FROM slack_channel_members m
                           WHERE m.workspace_id = c.workspace_id AND m.channel_id = c.channel_id AND m.user_id = @viewerId)
            FROM slack_channels c
            WHERE c.workspace_id = @workspaceId AND c.channel_id = ANY(@wanted)
            """, new { workspaceId, viewerId = viewerId ?? "", wanted }, cancellationToken: ct));
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (channelId, isPrivate, isMember) in rows)
        {
            known.Add(channelId);
            if (!isPrivate || isMember)
            {
                visible.Add(channelId);
            }
        }

        if (hereChannelId is not null && wanted.Contains(hereChannelId, StringComparer.Ordinal))
        {
            visible.Add(hereChannelId);
        }

        foreach (var unknown in wanted.Where(id => !known.Contains(id)))
        {
            await jobs.EnqueueAsync(LearnRequest(workspaceId, unknown), ct);
        }

        return visible;
    }

    /// <summary>
    /// <see cref="VisibleAsync"/> for work off the ack path (jobs, work after an ack): a channel never learned is learned
    /// first, so a new public channel is not hidden just because nobody asked about it yet. Events keep learned ones true.
    /// </summary>
    public async Task<IReadOnlySet<string>> VisibleNowAsync(string workspaceId, string viewerId, IEnumerable<string> channelIds, CancellationToken ct)
    {
        var wanted = channelIds.Distinct(StringComparer.Ordinal).ToArray();
        await LearnUnknownAsync(workspaceId, wanted, ct);
        return await VisibleAsync(workspaceId, viewerId, null, wanted, ct);
    }

    /// <summary>Learns those of <paramref name="channelIds"/> never learned before (off the ack path); events keep the rest.</summary>
    public async Task LearnUnknownAsync(string workspaceId, IReadOnlyCollection<string> channelIds, CancellationToken ct)
    {
        IEnumerable<string> known;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            known = await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT channel_id FROM slack_channels WHERE workspace_id = @workspaceId AND channel_id = ANY(@wanted)",
                new { workspaceId, wanted = channelIds.ToArray() }, cancellationToken: ct));
        }

        foreach (var channelId in channelIds.Except(known, StringComparer.Ordinal))
        {
            await LearnAsync(workspaceId, channelId, ct);
        }
    }

    /// <summary>
    /// Who is in the channel, from what is learned (off the ack path: a channel not learned for a day is asked of Slack
    /// first). A channel the bot can't see has nobody in it.
    /// </summary>
    public async Task<IReadOnlySet<string>> MembersAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await LearnAsync(workspaceId, channelId, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var members = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM slack_channel_members WHERE workspace_id = @workspaceId AND channel_id = @channelId",
            new { workspaceId, channelId }, cancellationToken: ct));
        return members.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The channels the person is in, as learned and kept by events (Slack not asked): for reads that start from a person.</summary>
    public async Task<IReadOnlyList<string>> ChannelsOfAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var channels = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT channel_id FROM slack_channel_members WHERE workspace_id = @workspaceId AND user_id = @userId",
            new { workspaceId, userId }, cancellationToken: ct));
        return [.. channels];
    }

    /// <summary>Whether <paramref name="userId"/> is in the channel, as <see cref="MembersAsync"/> would say, without loading everyone.</summary>
    public async Task<bool> IsMemberAsync(string workspaceId, string channelId, string userId, CancellationToken ct)
    {
        await LearnAsync(workspaceId, channelId, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM slack_channel_members
                           WHERE workspace_id = @workspaceId AND channel_id = @channelId AND user_id = @userId)
            """, new { workspaceId, channelId, userId }, cancellationToken: ct));
    }

    /// <summary>Asks Slack whether the channel is private and who is in it. A channel the bot can't see stays private with nobody in it.</summary>
    public async Task LearnAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            var learnedAt = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
                "SELECT learned_at FROM slack_channels WHERE workspace_id = @workspaceId AND channel_id = @channelId",
                new { workspaceId, channelId }, cancellationToken: ct));
            if (learnedAt is { } at && new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) + RelearnAfter > clock.GetUtcNow())
            {
                return;
            }
        }

        var api = slack.ForWorkspace(workspaceId);
        bool isPrivate;
        var members = new List<string>();
        try
        {
            var channel = await api.Conversations.InfoAsync(channelId, ct);
            isPrivate = channel.IsPrivate || channel.IsGroup || channel.IsIm;
            if (!channel.IsIm)
            {
                await foreach (var member in api.Conversations.MembersAsync(channelId, ct))
                {
                    members.Add(member);
                }
            }
        }
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            isPrivate = true;
        }

        await using var write = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await write.BeginTransactionAsync(ct);
        await write.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO slack_channels (workspace_id, channel_id, is_private, learned_at) VALUES (@workspaceId, @channelId, @isPrivate, @now)
            ON CONFLICT (workspace_id, channel_id) DO UPDATE SET is_private = EXCLUDED.is_private, learned_at = EXCLUDED.learned_at;
            DELETE FROM slack_channel_members WHERE workspace_id = @workspaceId AND channel_id = @channelId;
            INSERT INTO slack_channel_members (workspace_id, channel_id, user_id)
            SELECT @workspaceId, @channelId, unnest(@members) ON CONFLICT DO NOTHING;
            """, new { workspaceId, channelId, isPrivate, now = clock.GetUtcNow(), members = members.ToArray() }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>Someone joined a channel the bot is in: a member of a known channel is recorded, an unknown channel is learned.</summary>
    public async Task JoinedAsync(string workspaceId, string channelId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO slack_channel_members (workspace_id, channel_id, user_id)
            SELECT workspace_id, channel_id, @userId FROM slack_channels
            WHERE workspace_id = @workspaceId AND channel_id = @channelId
            ON CONFLICT DO NOTHING
            """, new { workspaceId, channelId, userId }, cancellationToken: ct));
        var known = added > 0 || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM slack_channels WHERE workspace_id = @workspaceId AND channel_id = @channelId)",
            new { workspaceId, channelId }, cancellationToken: ct));
        if (!known)
        {
            await jobs.EnqueueAsync(LearnRequest(workspaceId, channelId), ct);
        }
    }

    /// <summary>
    /// The bot was invited back: while it was out no membership event reached us, so the channel is learned again now
    /// (one pending job per channel).
    /// </summary>
    public async Task BotRejoinedAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE slack_channels SET learned_at = '1970-01-01T00:00:00Z' WHERE workspace_id = @workspaceId AND channel_id = @channelId",
                new { workspaceId, channelId }, cancellationToken: ct));
        }

        await jobs.EnqueueAsync(LearnRequest(workspaceId, channelId), ct);
    }

    /// <summary>Someone left (or was removed from) a channel: they stop seeing what comes from it at once.</summary>
    public async Task LeftAsync(string workspaceId, string channelId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM slack_channel_members WHERE workspace_id = @workspaceId AND channel_id = @channelId AND user_id = @userId",
            new { workspaceId, channelId, userId }, cancellationToken: ct));
    }

    public sealed record LearnPayload(string WorkspaceId, string ChannelId);

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [
            await TableRows.PurgeAsync(connection, transaction, "slack_channel_members", workspaceId, confirmed, ct),
            await TableRows.PurgeAsync(connection, transaction, "slack_channels", workspaceId, confirmed, ct),
        ];
}

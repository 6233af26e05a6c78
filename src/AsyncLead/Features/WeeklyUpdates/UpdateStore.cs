using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>Weeks, updates, blockers and who sat a week out (update_weeks, weekly_updates, blockers, week_skips).</summary>
public sealed class UpdateStore(NpgsqlDataSource dataSource, JobQueue jobs)
{
    /// <summary>week_skips.reason: the person pressed Skip this week.</summary>
    public const string Skipped = "skipped";

    /// <summary>week_skips.reason: their Slack status said they were out when the prompt or a reminder was due.</summary>
    public const string KeptBackByStatus = "slack_status";

    private const string BlockersSinceSql =
        """
        SELECT b.id AS Id, b.user_id AS UserId, b.text AS Text, b.opened_at AS OpenedAt, b.resolved_at AS ResolvedAt,
               b.resolved_by AS ResolvedBy, u.message_ts AS MessageTs
        FROM blockers b JOIN weekly_updates u ON u.id = b.last_update_id
        WHERE b.team_channel_id = @teamChannelId AND (b.resolved_at IS NULL OR b.resolved_at >= @since)
        ORDER BY b.opened_at, b.id
        """;

    private const string LateUpdatesSinceSql =
        """
        SELECT u.user_id AS UserId, w.week_start AS WeekStart, u.submitted_at AS SubmittedAt, u.message_ts AS MessageTs
        FROM weekly_updates u JOIN update_weeks w ON w.id = u.week_id
        WHERE w.team_channel_id = @teamChannelId AND u.is_late AND u.submitted_at >= @since
        ORDER BY u.submitted_at, u.id
        """;

    private const string SelectWeek =
        """
        SELECT id AS Id, team_channel_id AS TeamChannelId, week_start AS WeekStart, root_ts AS RootTs,
               expected_user_ids AS ExpectedUserIds, prompted_at AS PromptedAt, closed_at AS ClosedAt, summary_ts AS SummaryTs
        FROM update_weeks
        """;

    private const string SelectUpdate =
        """
        SELECT u.id AS Id, u.week_id AS WeekId, u.user_id AS UserId, u.completed AS Completed, u.in_progress AS InProgress,
               u.blockers AS Blockers, u.next_week AS NextWeek, u.notes AS Notes, u.is_late AS IsLate, u.version AS Version,
               u.posted_version AS PostedVersion, u.message_ts AS MessageTs, u.submitted_at AS SubmittedAt, u.author_told_at AS AuthorToldAt
        FROM weekly_updates u
        """;

    private const string SelectPast =
        """
        SELECT u.id AS Id, u.week_id AS WeekId, u.user_id AS UserId, u.completed AS Completed, u.in_progress AS InProgress,
               u.blockers AS Blockers, u.next_week AS NextWeek, u.notes AS Notes, u.is_late AS IsLate, u.version AS Version,
               u.posted_version AS PostedVersion, u.message_ts AS MessageTs, u.submitted_at AS SubmittedAt, u.author_told_at AS AuthorToldAt,
               t.channel_id AS ChannelId, t.channel_name AS ChannelName, w.week_start AS WeekStart
        FROM weekly_updates u JOIN update_weeks w ON w.id = u.week_id JOIN team_channels t ON t.id = w.team_channel_id

        """;

    private const string SelectOpenBlockers =
        """
        SELECT b.id AS Id, b.team_channel_id AS TeamChannelId, t.channel_id AS ChannelId, b.user_id AS UserId, b.text AS Text, b.opened_at AS OpenedAt
        FROM blockers b JOIN team_channels t ON t.id = b.team_channel_id
        """;

    private const string OldestFirst = " AND b.resolved_at IS NULL ORDER BY b.opened_at, b.id";

    public static Task<long> EnsureWeekAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long teamChannelId, DateOnly weekStart, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO update_weeks (team_channel_id, week_start) VALUES (@teamChannelId, @weekStart)
            ON CONFLICT (team_channel_id, week_start) DO UPDATE SET week_start = EXCLUDED.week_start
            RETURNING id
            """,
            new { teamChannelId, weekStart }, transaction, cancellationToken: ct));

    /// <summary>
    /// <paramref name="userId"/> sits out this one team's week (<paramref name="reason"/>: <see cref="Skipped"/> with the
    /// prompt's button, or <see cref="KeptBackByStatus"/>): no more nudges for it, and away, not missing, in its roll.
    /// Their Home, which shows the week, is refreshed. False when already recorded.
    /// </summary>
    public async Task<bool> SkipWeekAsync(string workspaceId, long teamChannelId, DateOnly weekStart, string userId, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var weekId = await EnsureWeekAsync(connection, transaction, teamChannelId, weekStart, ct);
        var added = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO week_skips (week_id, user_id, reason, skipped_at) VALUES (@weekId, @userId, @reason, @now)
            ON CONFLICT (week_id, user_id) DO NOTHING
            """, new { weekId, userId, reason, now }, transaction, cancellationToken: ct)) == 1;
        if (added)
        {
            await HomeRefresh.EnqueueAsync(jobs, connection, transaction, workspaceId, [userId], ct);
        }

        await transaction.CommitAsync(ct);
        return added;
    }

    /// <summary>Who sits this week out (skipped it, or was kept back by their Slack status).</summary>
    public async Task<IReadOnlySet<string>> SkippedAsync(long weekId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var users = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM week_skips WHERE week_id = @weekId", new { weekId }, cancellationToken: ct));
        return users.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records the prompt and who it went to; false when this week was already prompted (a retry or a second replica).</summary>
    public static async Task<bool> MarkPromptedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long weekId,
        IReadOnlyList<string> expected, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE update_weeks SET prompted_at = @now, expected_user_ids = @expected WHERE id = @weekId AND prompted_at IS NULL",
            new { weekId, expected = expected.ToArray(), now }, transaction, cancellationToken: ct)) == 1;

    public async Task<UpdateWeek?> FindWeekAsync(long weekId, CancellationToken ct) =>
        (await QueryWeeksAsync(SelectWeek + " WHERE id = @weekId", new { weekId }, ct)).SingleOrDefault();

    public async Task<UpdateWeek?> FindWeekAsync(long teamChannelId, DateOnly weekStart, CancellationToken ct) =>
        (await QueryWeeksAsync(SelectWeek + " WHERE team_channel_id = @teamChannelId AND week_start = @weekStart",
            new { teamChannelId, weekStart }, ct)).SingleOrDefault();

    /// <summary>
    /// Saves (or replaces) a member's update for the week, creating the week if needed, and makes the team's blockers
    /// match its Blockers items, in one statement (this is on the ack path). An item the same person already has open
    /// (same text, ignoring case and spacing) stays that blocker and now points at this update; a new item opens a
    /// blocker; an item this update had opened and no longer lists is removed. An edit keeps the first submission's
    /// lateness, and keeps the notes when <paramref name="keepNotes"/> (the form has no Notes field). A resolved blocker
    /// the update already listed stays resolved if it is still listed.
    /// </summary>
    public static Task<SavedUpdate> SaveUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long teamChannelId, DateOnly weekStart,
        string userId, WeeklyUpdateSections sections, bool keepNotes, bool isLate, DateTimeOffset now, CancellationToken ct)
    {
        var items = sections.BlockerItems.DistinctBy(BlockerKey).ToArray();
        return connection.QuerySingleAsync<SavedUpdate>(new CommandDefinition(
            """
            WITH existing AS (
                SELECT id FROM update_weeks WHERE team_channel_id = @teamChannelId AND week_start = @weekStart
            ), created AS (
                -- Only the week's first writers upsert (and lock) its row: every later update would otherwise wait
                -- for the one before it to commit.
                INSERT INTO update_weeks (team_channel_id, week_start)
                SELECT @teamChannelId, @weekStart WHERE NOT EXISTS (SELECT 1 FROM existing)
                ON CONFLICT (team_channel_id, week_start) DO UPDATE SET week_start = EXCLUDED.week_start
                RETURNING id
            ), week AS (
                SELECT id FROM existing UNION ALL SELECT id FROM created
            ), saved AS (
                INSERT INTO weekly_updates (week_id, user_id, completed, in_progress, blockers, next_week, notes, is_late, submitted_at, updated_at)
                SELECT week.id, @userId, @Completed, @InProgress, @Blockers, @NextWeek, @Notes, @isLate, @now, @now FROM week
                ON CONFLICT (week_id, user_id) DO UPDATE SET
                    completed = EXCLUDED.completed, in_progress = EXCLUDED.in_progress, blockers = EXCLUDED.blockers,
                    next_week = EXCLUDED.next_week, notes = CASE WHEN @keepNotes THEN weekly_updates.notes ELSE EXCLUDED.notes END,
                    version = weekly_updates.version + 1, updated_at = EXCLUDED.updated_at
                RETURNING id, week_id, xmax <> 0 AS replaced
            ), item AS (
                SELECT text, regexp_replace(lower(trim(text)), '\s+', ' ', 'g') AS key, position
                FROM unnest(@items::text[]) WITH ORDINALITY AS i(text, position)
            ), removed AS (
                DELETE FROM blockers WHERE first_update_id = (SELECT id FROM saved) AND resolved_at IS NULL
                  AND regexp_replace(lower(trim(text)), '\s+', ' ', 'g') NOT IN (SELECT key FROM item)
            ), carried AS (
                UPDATE blockers SET last_update_id = (SELECT id FROM saved), text = item.text
                FROM item
                WHERE blockers.team_channel_id = @teamChannelId AND blockers.user_id = @userId AND blockers.resolved_at IS NULL
                  AND regexp_replace(lower(trim(blockers.text)), '\s+', ' ', 'g') = item.key
                RETURNING item.key
            ), settled AS (
                -- A blocker this update lists that was resolved stays resolved when the update is saved again with it.
                SELECT regexp_replace(lower(trim(text)), '\s+', ' ', 'g') AS key FROM blockers
                WHERE last_update_id = (SELECT id FROM saved) AND resolved_at IS NOT NULL
            ), opened AS (
                INSERT INTO blockers (team_channel_id, user_id, text, first_update_id, last_update_id, opened_at)
                SELECT @teamChannelId, @userId, item.text, saved.id, saved.id, @now
                FROM item, saved
                WHERE item.key NOT IN (SELECT key FROM carried) AND item.key NOT IN (SELECT key FROM settled)
                ORDER BY item.position
            )
            SELECT id AS UpdateId, week_id AS WeekId, replaced AS Replaced FROM saved
            """,
            new
            {
                teamChannelId, weekStart, userId, sections.Completed, sections.InProgress, sections.Blockers, sections.NextWeek,
                sections.Notes, keepNotes, isLate, now, items,
            },
            transaction, cancellationToken: ct));
    }

    /// <summary>
    /// What the form opens with: the member's update for this week, else empty with their latest earlier update's Next
    /// Week as this week's In Progress; either way with what is planned for them (<see cref="PlannedItemStore"/>) added
    /// to Next Week.
    /// </summary>
    public async Task<WeeklyUpdateSections> FormDraftAsync(TeamChannel team, string userId, DateOnly weekStart, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var draft = await DraftAsync(connection, team.Id, userId, weekStart, ct);
        return draft with { NextWeek = await PlannedItemStore.NextWeekWithPlannedAsync(connection, team.WorkspaceId, userId, draft.NextWeek, ct) };
    }

    private static async Task<WeeklyUpdateSections> DraftAsync(NpgsqlConnection connection, long teamChannelId, string userId, DateOnly weekStart, CancellationToken ct)
    {
        var latest = await connection.QuerySingleOrDefaultAsync<DraftRow>(new CommandDefinition(
            """
            SELECT w.week_start = @weekStart AS IsThisWeek, u.completed AS Completed, u.in_progress AS InProgress,
                   u.blockers AS Blockers, u.next_week AS NextWeek, u.notes AS Notes
            FROM weekly_updates u JOIN update_weeks w ON w.id = u.week_id
            WHERE w.team_channel_id = @teamChannelId AND u.user_id = @userId AND w.week_start <= @weekStart
            ORDER BY w.week_start DESC LIMIT 1
            """, new { teamChannelId, userId, weekStart }, cancellationToken: ct));
        return latest switch
        {
            null => WeeklyUpdateSections.Empty,
            { IsThisWeek: true } => new WeeklyUpdateSections(latest.Completed, latest.InProgress, latest.Blockers, latest.NextWeek, latest.Notes),
            _ => WeeklyUpdateSections.Empty with { InProgress = latest.NextWeek },
        };
    }

    /// <summary>
    /// Whether <paramref name="userId"/> left the team's closed week of <paramref name="closedMonday"/> empty: expected by its
    /// prompt, wrote nothing for it and did not sit it out; and has written nothing for the week after it yet either.
    /// Who is offered to file an update late for it.
    /// </summary>
    public async Task<bool> MissedClosedWeekAsync(long teamChannelId, string userId, DateOnly closedMonday, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (
                SELECT 1 FROM update_weeks w
                WHERE w.team_channel_id = @teamChannelId AND w.week_start = @closedMonday AND w.closed_at IS NOT NULL
                  AND @userId = ANY (w.expected_user_ids)
                  AND NOT EXISTS (SELECT 1 FROM weekly_updates u WHERE u.week_id = w.id AND u.user_id = @userId)
                  AND NOT EXISTS (SELECT 1 FROM week_skips s WHERE s.week_id = w.id AND s.user_id = @userId)
                  AND NOT EXISTS (SELECT 1 FROM weekly_updates u JOIN update_weeks n ON n.id = u.week_id
                                  WHERE n.team_channel_id = @teamChannelId AND n.week_start = @nextMonday AND u.user_id = @userId))
            """, new { teamChannelId, userId, closedMonday, nextMonday = closedMonday.AddDays(7) }, cancellationToken: ct));
    }

    /// <summary>Whether the week has closed (its summary is posted, or on its way).</summary>
    public static Task<bool> IsClosedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long weekId, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT closed_at IS NOT NULL FROM update_weeks WHERE id = @weekId", new { weekId }, transaction, cancellationToken: ct));

    /// <summary>The member's update for the team's week, if they wrote one.</summary>
    public async Task<StoredUpdate?> FindUpdateAsync(long teamChannelId, DateOnly weekStart, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await FindUpdateAsync(connection, null, teamChannelId, weekStart, userId, lockIt: false, ct);
    }

    /// <summary>As the other overload, in a transaction; <paramref name="lockIt"/> holds the row until it ends.</summary>
    public static async Task<StoredUpdate?> FindUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long teamChannelId,
        DateOnly weekStart, string userId, bool lockIt, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<UpdateRow>(new CommandDefinition(
            SelectUpdate + " JOIN update_weeks w ON w.id = u.week_id WHERE w.team_channel_id = @teamChannelId AND w.week_start = @weekStart AND u.user_id = @userId"
            + (lockIt ? " FOR UPDATE OF u" : ""),
            new { teamChannelId, weekStart, userId }, transaction, cancellationToken: ct));
        return rows.Select(ToUpdate).SingleOrDefault();
    }

    /// <summary>The update's blockers still open, in the order it lists them: what replacing it would take off.</summary>
    public async Task<IReadOnlyList<string>> OpenBlockersOfUpdateAsync(StoredUpdate update, CancellationToken ct) =>
        [.. (await BlockersOfUpdateAsync(update, ct)).Where(b => !b.IsResolved).Select(b => b.Text)];

    public async Task<StoredUpdate?> FindUpdateAsync(long updateId, CancellationToken ct) =>
        (await QueryUpdatesAsync(SelectUpdate + " WHERE u.id = @updateId", new { updateId }, ct)).SingleOrDefault();

    public async Task<StoredUpdate?> FindUpdateAsync(long weekId, string userId, CancellationToken ct) =>
        (await QueryUpdatesAsync(SelectUpdate + " WHERE u.week_id = @weekId AND u.user_id = @userId", new { weekId, userId }, ct)).SingleOrDefault();

    public Task<IReadOnlyList<StoredUpdate>> UpdatesOfWeekAsync(long weekId, CancellationToken ct) =>
        QueryUpdatesAsync(SelectUpdate + " WHERE u.week_id = @weekId ORDER BY u.submitted_at, u.id", new { weekId }, ct);

    /// <summary>A team's updates of the <paramref name="weeks"/> weeks before <paramref name="weekStart"/>: what plan against actual looks back on.</summary>
    public async Task<IReadOnlyList<(DateOnly WeekStart, string UserId, WeeklyUpdateSections Sections)>> EarlierUpdatesAsync(long teamChannelId,
        DateOnly weekStart, int weeks, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<EarlierRow>(new CommandDefinition(
            """
            SELECT w.week_start AS WeekStart, u.user_id AS UserId, u.completed AS Completed, u.in_progress AS InProgress,
                   u.blockers AS Blockers, u.next_week AS NextWeek, u.notes AS Notes
            FROM weekly_updates u JOIN update_weeks w ON w.id = u.week_id
            WHERE w.team_channel_id = @teamChannelId AND w.week_start < @weekStart AND w.week_start >= @from
            """, new { teamChannelId, weekStart, from = weekStart.AddDays(-7 * weeks) }, cancellationToken: ct));
        return [.. rows.Select(r => (r.WeekStart, r.UserId, new WeeklyUpdateSections(r.Completed, r.InProgress, r.Blockers, r.NextWeek, r.Notes)))];
    }

    /// <summary>An open blocker of the workspace, with its team's channel; null when unknown, resolved or another workspace's.</summary>
    public async Task<OpenBlocker?> FindOpenBlockerAsync(string workspaceId, long blockerId, CancellationToken ct) =>
        (await QueryOpenBlockersAsync(SelectOpenBlockers + " WHERE t.workspace_id = @workspaceId AND b.id = @blockerId" + OldestFirst,
            new { workspaceId, blockerId }, ct)).SingleOrDefault();

    public Task SetRootTsAsync(long weekId, string ts, CancellationToken ct) =>
        ExecuteAsync("UPDATE update_weeks SET root_ts = @ts WHERE id = @weekId", new { weekId, ts }, ct);

    public Task SetSummaryTsAsync(long weekId, string ts, CancellationToken ct) =>
        ExecuteAsync("UPDATE update_weeks SET summary_ts = @ts WHERE id = @weekId", new { weekId, ts }, ct);

    public Task SetMessageTsAsync(long updateId, string ts, CancellationToken ct) =>
        ExecuteAsync("UPDATE weekly_updates SET message_ts = @ts WHERE id = @updateId", new { updateId, ts }, ct);

    public Task MarkPostedAsync(long updateId, int version, CancellationToken ct) =>
        ExecuteAsync("UPDATE weekly_updates SET posted_version = greatest(posted_version, @version) WHERE id = @updateId", new { updateId, version }, ct);

    /// <summary>Records that the author was told their post is waiting, so they are told once.</summary>
    public Task MarkAuthorToldAsync(long updateId, DateTimeOffset now, CancellationToken ct) =>
        ExecuteAsync("UPDATE weekly_updates SET author_told_at = coalesce(author_told_at, @now) WHERE id = @updateId", new { updateId, now }, ct);

    /// <summary>Closes the week; false when it was already closed.</summary>
    public static async Task<bool> CloseWeekAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long weekId, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE update_weeks SET closed_at = @now WHERE id = @weekId AND closed_at IS NULL",
            new { weekId, now }, transaction, cancellationToken: ct)) == 1;

    /// <summary>The blockers this update lists now (in its own order), resolved or not: the reply's Resolve buttons.</summary>
    public async Task<IReadOnlyList<ReplyBlocker>> BlockersOfUpdateAsync(StoredUpdate update, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long Id, string Text, bool IsResolved)>(new CommandDefinition(
            "SELECT id, text, resolved_at IS NOT NULL FROM blockers WHERE last_update_id = @Id ORDER BY id",
            new { update.Id }, cancellationToken: ct));
        var stored = rows.ToList();
        return [.. update.Sections.BlockerItems
            .Select(item => stored.FirstOrDefault(row => BlockerKey(row.Text) == BlockerKey(item)))
            .Where(row => row.Id != 0)
            .DistinctBy(row => row.Id)
            .Select(row => new ReplyBlocker(row.Id, row.Text, row.IsResolved))];
    }

    /// <summary>Every blocker still open in the team, plus those of this week's updates resolved since: what the summary lists.</summary>
    public async Task<IReadOnlyList<StoredBlocker>> BlockersForSummaryAsync(long teamChannelId, long weekId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<BlockerRow>(new CommandDefinition(
            """
            SELECT b.id AS Id, b.user_id AS UserId, b.text AS Text, b.opened_at AS OpenedAt, b.resolved_at AS ResolvedAt,
                   b.resolved_by AS ResolvedBy, u.message_ts AS MessageTs
            FROM blockers b JOIN weekly_updates u ON u.id = b.last_update_id
            WHERE b.team_channel_id = @teamChannelId AND (b.resolved_at IS NULL OR u.week_id = @weekId)
            ORDER BY b.opened_at, b.id
            """, new { teamChannelId, weekId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToBlocker())];
    }

    /// <summary>
    /// Resolves a blocker of the workspace (once: a second click keeps the first resolver) and, in the same transaction,
    /// queues edits of the messages that show it (the clicked one, its latest reply and its week's summary) and refreshes
    /// of its author's and the team lead's Home tabs. An unknown blocker, or one of another workspace, changes nothing.
    /// </summary>
    /// <summary>
    /// Resolves the blocker for its author or the team's lead; anyone else gets <see cref="BlockerResolution.NotAllowed"/>
    /// with who may, and nothing changes.
    /// </summary>
    public async Task<BlockerResolution> ResolveBlockerAsync(string workspaceId, long blockerId, string userId, string? clickedTs, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var owners = await connection.QuerySingleOrDefaultAsync<(string AuthorId, string LeadId)?>(new CommandDefinition(
            """
            SELECT b.user_id, t.lead_user_id FROM blockers b JOIN team_channels t ON t.id = b.team_channel_id
            WHERE b.id = @blockerId AND t.workspace_id = @workspaceId
            FOR UPDATE OF b
            """, new { blockerId, workspaceId }, transaction, cancellationToken: ct));
        if (owners is not { } owner)
        {
            return new BlockerResolution(BlockerResolution.Outcome.NotFound, "", "");
        }

        if (userId != owner.AuthorId && userId != owner.LeadId)
        {
            return new BlockerResolution(BlockerResolution.Outcome.NotAllowed, owner.AuthorId, owner.LeadId);
        }

        var resolved = await connection.QuerySingleOrDefaultAsync<(long TeamChannelId, long UpdateId, string AuthorId, string LeadId)?>(new CommandDefinition(
            """
            UPDATE blockers b SET resolved_at = coalesce(b.resolved_at, @now), resolved_by = coalesce(b.resolved_by, @userId)
            FROM team_channels t
            WHERE b.id = @blockerId AND t.id = b.team_channel_id AND t.workspace_id = @workspaceId
            RETURNING b.team_channel_id, b.last_update_id, b.user_id, t.lead_user_id
            """, new { blockerId, userId, workspaceId, now = now }, transaction, cancellationToken: ct));
        if (resolved is { } blocker)
        {
            var affected = await connection.QueryAsync<(long WeekId, long? UpdateId)>(new CommandDefinition(
                """
                SELECT u.week_id, u.id FROM weekly_updates u
                WHERE u.id = @UpdateId OR (u.message_ts = @clickedTs AND u.week_id IN (SELECT id FROM update_weeks WHERE team_channel_id = @TeamChannelId))
                UNION
                SELECT w.id, NULL FROM update_weeks w
                WHERE w.team_channel_id = @TeamChannelId AND w.summary_ts IS NOT NULL
                  AND (w.summary_ts = @clickedTs OR w.id = (SELECT week_id FROM weekly_updates WHERE id = @UpdateId))
                """, new { blocker.UpdateId, blocker.TeamChannelId, clickedTs = clickedTs }, transaction, cancellationToken: ct));
            foreach (var (weekId, updateId) in affected)
            {
                var request = updateId is { } reply
                    ? WeeklyJobs.Thread(workspaceId, blocker.TeamChannelId, weekId, ThreadPostJob.What.Refresh, reply)
                    : WeeklyJobs.Thread(workspaceId, blocker.TeamChannelId, weekId, ThreadPostJob.What.Summary);
                await jobs.EnqueueAsync(connection, transaction, request, ct);
            }

            await HomeRefresh.EnqueueAsync(jobs, connection, transaction, workspaceId, [blocker.AuthorId, blocker.LeadId], ct);
        }

        await transaction.CommitAsync(ct);
        return new BlockerResolution(BlockerResolution.Outcome.Resolved, owner.AuthorId, owner.LeadId);
    }

    /// <summary>The team's open blockers and those resolved since <paramref name="since"/>, oldest first.</summary>
    public async Task<IReadOnlyList<StoredBlocker>> BlockersSinceAsync(long teamChannelId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<BlockerRow>(new CommandDefinition(BlockersSinceSql, new { teamChannelId, since }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToBlocker())];
    }

    /// <summary>Updates first written after their week closed, at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<LateUpdate>> LateUpdatesSinceAsync(long teamChannelId, DateTimeOffset since, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<LateRow>(new CommandDefinition(LateUpdatesSinceSql, new { teamChannelId, since }, cancellationToken: ct));
        return [.. rows.Select(r => new LateUpdate(r.UserId, r.WeekStart, r.SubmittedAt, r.MessageTs))];
    }

    /// <summary>The channels of the workspace's teams the person has written in: where their history can come from.</summary>
    public async Task<IReadOnlyList<string>> ChannelsWrittenInAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var channels = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT DISTINCT t.channel_id
            FROM weekly_updates u JOIN update_weeks w ON w.id = u.week_id JOIN team_channels t ON t.id = w.team_channel_id
            WHERE t.workspace_id = @workspaceId AND u.user_id = @userId
            """, new { workspaceId, userId }, cancellationToken: ct));
        return [.. channels];
    }

    /// <summary>The person's updates in the teams of <paramref name="channelIds"/>, newest week first, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<PastUpdate>> UpdatesOfPersonAsync(string workspaceId, string userId, IReadOnlyCollection<string> channelIds, int limit,
        CancellationToken ct) =>
        QueryPastAsync(SelectPast + """
             WHERE t.workspace_id = @workspaceId AND u.user_id = @userId AND t.channel_id = ANY (@channelIds)
             ORDER BY w.week_start DESC, t.channel_name, u.id
             LIMIT @limit
            """, new { workspaceId, userId, channelIds = channelIds.ToArray(), limit }, ct);

    /// <summary>
    /// The team's updates with a section containing <paramref name="containsPattern"/> (an ILIKE pattern, its wildcards
    /// escaped by the caller with backslashes), newest week first, at most <paramref name="limit"/>.
    /// </summary>
    public Task<IReadOnlyList<PastUpdate>> SearchTeamAsync(long teamChannelId, string containsPattern, int limit, CancellationToken ct) =>
        QueryPastAsync(SelectPast + """
             WHERE w.team_channel_id = @teamChannelId
               -- Sections joined by line breaks, which a search never contains (SearchText.Clean), so no match spans two.
               AND concat_ws(chr(10), u.completed, u.in_progress, u.blockers, u.next_week, u.notes) ILIKE @containsPattern ESCAPE '\'
             ORDER BY w.week_start DESC, u.submitted_at, u.id
             LIMIT @limit
            """, new { teamChannelId, containsPattern, limit }, ct);

    /// <summary>A person's open blockers in every team of the workspace, oldest first.</summary>
    public Task<IReadOnlyList<OpenBlocker>> OpenBlockersOfAsync(string workspaceId, string userId, CancellationToken ct) =>
        QueryOpenBlockersAsync(SelectOpenBlockers + " WHERE t.workspace_id = @workspaceId AND b.user_id = @userId" + OldestFirst,
            new { workspaceId, userId }, ct);

    /// <summary>A team's open blockers, oldest first.</summary>
    public Task<IReadOnlyList<OpenBlocker>> OpenBlockersOfTeamAsync(long teamChannelId, CancellationToken ct) =>
        QueryOpenBlockersAsync(SelectOpenBlockers + " WHERE b.team_channel_id = @teamChannelId" + OldestFirst, new { teamChannelId }, ct);

    /// <summary>
    /// When the member's next reminder for the week is planned: the earliest of their pending reminder jobs (numbers 1 to
    /// <paramref name="reminders"/>, found by key); null when none is pending.
    /// </summary>
    public Task<DateTimeOffset?> NextReminderAsync(long weekId, string userId, int reminders, CancellationToken ct) =>
        jobs.NextRunAtAsync([.. Enumerable.Range(1, reminders).Select(number => WeeklyJobs.NudgeKey(weekId, userId, number))], ct);

    private async Task<IReadOnlyList<OpenBlocker>> QueryOpenBlockersAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<OpenBlockerRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new OpenBlocker(r.Id, r.TeamChannelId, r.ChannelId, r.UserId, r.Text, r.OpenedAt))];
    }

    internal static string BlockerKey(string text) => string.Join(' ', text.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private async Task<int> ExecuteAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    private async Task<IReadOnlyList<UpdateWeek>> QueryWeeksAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<WeekRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new UpdateWeek(r.Id, r.TeamChannelId, r.WeekStart, r.RootTs, r.ExpectedUserIds, r.PromptedAt, r.ClosedAt, r.SummaryTs))];
    }

    private async Task<IReadOnlyList<StoredUpdate>> QueryUpdatesAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<UpdateRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(ToUpdate)];
    }

    private async Task<IReadOnlyList<PastUpdate>> QueryPastAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<PastUpdateRow>(new CommandDefinition(sql, parameters, cancellationToken: ct));
        return [.. rows.Select(r => new PastUpdate(ToUpdate(r), r.ChannelId, r.ChannelName, r.WeekStart))];
    }

    private static StoredUpdate ToUpdate(UpdateRow r) => new(r.Id, r.WeekId, r.UserId,
        new WeeklyUpdateSections(r.Completed, r.InProgress, r.Blockers, r.NextWeek, r.Notes),
        r.IsLate, r.Version, r.PostedVersion, r.MessageTs, r.SubmittedAt, r.AuthorToldAt);

    private sealed class WeekRow
    {
        public long Id { get; init; }
        public long TeamChannelId { get; init; }
        public DateOnly WeekStart { get; init; }
        public string? RootTs { get; init; }
        public string[]? ExpectedUserIds { get; init; }
        public DateTimeOffset? PromptedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public string? SummaryTs { get; init; }
    }

    private sealed class EarlierRow
    {
        public DateOnly WeekStart { get; init; }
        public string UserId { get; init; } = "";
        public string Completed { get; init; } = "";
        public string InProgress { get; init; } = "";
        public string Blockers { get; init; } = "";
        public string NextWeek { get; init; } = "";
        public string Notes { get; init; } = "";
    }

    private sealed record DraftRow(bool IsThisWeek, string Completed, string InProgress, string Blockers, string NextWeek, string Notes);

    private class UpdateRow
    {
        public long Id { get; init; }
        public long WeekId { get; init; }
        public string UserId { get; init; } = "";
        public string Completed { get; init; } = "";
        public string InProgress { get; init; } = "";
        public string Blockers { get; init; } = "";
        public string NextWeek { get; init; } = "";
        public string Notes { get; init; } = "";
        public bool IsLate { get; init; }
        public int Version { get; init; }
        public int PostedVersion { get; init; }
        public string? MessageTs { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? AuthorToldAt { get; init; }
    }

    private sealed class PastUpdateRow : UpdateRow
    {
        public string ChannelId { get; init; } = "";
        public string ChannelName { get; init; } = "";
        public DateOnly WeekStart { get; init; }
    }

    /// <summary>How a <see cref="StoredBlocker"/> comes out of a query (the digest reads blockers too).</summary>
    internal sealed class BlockerRow
    {
        public long Id { get; init; }
        public string UserId { get; init; } = "";
        public string Text { get; init; } = "";
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset? ResolvedAt { get; init; }
        public string? ResolvedBy { get; init; }
        public string? MessageTs { get; init; }

        public StoredBlocker ToBlocker() => new(Id, UserId, Text, OpenedAt, ResolvedAt, ResolvedBy, MessageTs);
    }

    private sealed class OpenBlockerRow
    {
        public long Id { get; init; }
        public long TeamChannelId { get; init; }
        public string ChannelId { get; init; } = "";
        public string UserId { get; init; } = "";
        public string Text { get; init; } = "";
        public DateTimeOffset OpenedAt { get; init; }
    }

    private sealed class LateRow
    {
        public string UserId { get; init; } = "";
        public DateOnly WeekStart { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string? MessageTs { get; init; }
    }
}

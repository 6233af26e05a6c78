using System.Text.Json;
using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Members;

/// <summary>
/// Members' time, persisted. The time zone comes from Slack's users.info and is refreshed after a day (and at once on
/// <c>user_change</c>); when Slack is unreachable a known zone is used as it stands.
/// </summary>
public sealed class MemberDirectory(NpgsqlDataSource dataSource, ISlackClient slack, JobQueue jobs, TimeProvider clock) : IWorkspaceDataKeeper
{
    private static readonly TimeSpan SlackProfileFreshFor = TimeSpan.FromDays(1);
    private static readonly JsonSerializerOptions WindowJson = new(JsonSerializerDefaults.Web);

    public async Task<MemberProfile> GetAsync(string workspaceId, string userId, CancellationToken ct)
    {
        var row = await LoadAsync(workspaceId, userId, ct);
        var now = clock.GetUtcNow();
        if (row?.TimeZone is null || row.TimeZoneFetchedAt is null || now - row.TimeZoneFetchedAt > SlackProfileFreshFor)
        {
            try
            {
                var user = await slack.ForWorkspace(workspaceId).Users.InfoAsync(userId, ct);
                await RecordSlackUserAsync(workspaceId, userId, user.Profile?.DisplayName is { Length: > 0 } display ? display : user.RealName ?? user.Name,
                    user.Tz, user.IsBot, user.Deleted, SlackStatus.From(user.Profile), ct);
                row = await LoadAsync(workspaceId, userId, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && row?.TimeZone is not null)
            {
                // A stale zone beats no answer: people rarely move, and the next lookup tries again.
            }
        }

        return ToProfile(row!);
    }

    /// <summary>
    /// <see cref="GetAsync"/> for many people: those stored and fresh come from one read, Slack is asked only for the
    /// rest. Someone Slack no longer shows us (<c>user_not_found</c>, <c>user_not_visible</c>) is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MemberProfile>> GetManyAsync(string workspaceId, IEnumerable<string> userIds, CancellationToken ct)
    {
        var wanted = userIds.Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        IReadOnlyList<MemberRow> rows;
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            rows = await LoadAsync(connection, null, workspaceId, wanted, ct);
        }

        var profiles = rows.Where(r => r.TimeZone is not null && r.TimeZoneFetchedAt is { } fetched && now - fetched <= SlackProfileFreshFor)
            .ToDictionary(r => r.UserId, ToProfile, StringComparer.Ordinal);
        foreach (var userId in wanted.Where(id => !profiles.ContainsKey(id)))
        {
            try
            {
                profiles[userId] = await GetAsync(workspaceId, userId, ct);
            }
            catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
            {
                // Nobody to show or expect: the rest still are.
            }
        }

        return profiles;
    }

    /// <summary>
    /// The member as stored, Slack not asked (for the ack path); null before their time zone is first known. A stale
    /// zone is used as it stands: people rarely move, and <c>user_change</c> tells us when they do.
    /// </summary>
    public async Task<MemberProfile?> KnownAsync(string workspaceId, string userId, CancellationToken ct) =>
        await LoadAsync(workspaceId, userId, ct) is { TimeZone: not null } row ? ToProfile(row) : null;

    /// <summary>Stores what Slack says about a person (from users.info or a <c>user_change</c> event), their status as it is now.</summary>
    public async Task RecordSlackUserAsync(string workspaceId, string userId, string? displayName, string? timeZone, bool isBot, bool isDeleted,
        SlackStatus? status, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO members (workspace_id, user_id, display_name, time_zone, time_zone_fetched_at, is_bot, is_deleted,
                                 status_text, status_emoji, status_expires_at)
            VALUES (@workspaceId, @userId, @displayName, @timeZone, @now, @isBot, @isDeleted, @statusText, @statusEmoji, @statusUntil)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET
                status_text = EXCLUDED.status_text,
                status_emoji = EXCLUDED.status_emoji,
                status_expires_at = EXCLUDED.status_expires_at,
                display_name = coalesce(EXCLUDED.display_name, members.display_name),
                time_zone = coalesce(EXCLUDED.time_zone, members.time_zone),
                time_zone_fetched_at = EXCLUDED.time_zone_fetched_at,
                is_bot = EXCLUDED.is_bot,
                is_deleted = EXCLUDED.is_deleted
            """,
            new
            {
                workspaceId, userId, displayName, isBot, isDeleted,
                statusText = status?.Text, statusEmoji = status?.Emoji, statusUntil = status?.Until,
                timeZone = timeZone is not null && TimeZoneIds.IsKnown(timeZone) ? timeZone : null,
                now = clock.GetUtcNow(),
            }, cancellationToken: ct));
    }

    /// <summary>
    /// Stores what Slack's dnd.teamInfo said about these people at <paramref name="fetchedAt"/>: each one's DND window,
    /// or none (DND off). People not seen before get a row whose zone is learnt when first needed.
    /// </summary>
    public async Task RecordDndAsync(string workspaceId, IReadOnlyDictionary<string, DndWindow?> windows, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        if (windows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO members (workspace_id, user_id, dnd_starts_at, dnd_ends_at, dnd_fetched_at)
            SELECT @workspaceId, person.user_id, person.starts_at, person.ends_at, @fetchedAt
            FROM unnest(@userIds, @starts, @ends) AS person(user_id, starts_at, ends_at)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET
                dnd_starts_at = EXCLUDED.dnd_starts_at, dnd_ends_at = EXCLUDED.dnd_ends_at, dnd_fetched_at = EXCLUDED.dnd_fetched_at
            """,
            new
            {
                workspaceId, fetchedAt,
                userIds = windows.Keys.ToArray(),
                starts = windows.Values.Select(window => window?.Start).ToArray(),
                ends = windows.Values.Select(window => window?.End).ToArray(),
            }, cancellationToken: ct));
    }

    /// <summary>
    /// Saves a member's own settings: working hours, focus blocks and away periods (replacing the old ones); their Home
    /// tab, which shows them, is refreshed.
    /// </summary>
    public async Task SaveScheduleAsync(string workspaceId, string userId, MemberSchedule schedule, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO members (workspace_id, user_id, time_zone, working_hours, focus_blocks)
            VALUES (@workspaceId, @userId, @timeZone, @workingHours::jsonb, @focusBlocks::jsonb)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET
                working_hours = EXCLUDED.working_hours, focus_blocks = EXCLUDED.focus_blocks
            """,
            new
            {
                workspaceId, userId, timeZone = schedule.TimeZoneId,
                workingHours = JsonSerializer.Serialize(schedule.WorkingHours.Select(StoredWindow.From), WindowJson),
                focusBlocks = JsonSerializer.Serialize(schedule.FocusBlocks.Select(StoredWindow.From), WindowJson),
            }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM member_away WHERE workspace_id = @workspaceId AND user_id = @userId",
            new { workspaceId, userId }, transaction, cancellationToken: ct));
        foreach (var away in schedule.AwayPeriods)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO member_away (workspace_id, user_id, first_day, last_day, created_at)
                VALUES (@workspaceId, @userId, @from, @until, @now)
                """,
                new { workspaceId, userId, from = away.From, until = away.Until, now = clock.GetUtcNow() }, transaction, cancellationToken: ct));
        }

        await HomeRefresh.EnqueueAsync(jobs, connection, transaction, workspaceId, [userId], ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>What the cache knows of these people, without asking Slack (for page renders): unknown people are left out.</summary>
    public async Task<IReadOnlyList<CachedMember>> CachedAsync(string workspaceId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<CachedMember>(new CommandDefinition(
            """
            SELECT user_id AS UserId, display_name AS DisplayName, time_zone AS TimeZone
            FROM members WHERE workspace_id = @workspaceId AND user_id = ANY(@userIds)
            """,
            new { workspaceId, userIds = userIds.ToArray() }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>
    /// These people as stored (Slack not asked), in another room's transaction: for a decision's snapshot, which shows
    /// who is away. People never seen are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, MemberProfile>> KnownAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string workspaceId, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        (await LoadAsync(connection, transaction, workspaceId, userIds, ct)).Where(r => r.TimeZone is not null)
            .ToDictionary(r => r.UserId, ToProfile, StringComparer.Ordinal);

    private async Task<MemberRow?> LoadAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await LoadAsync(connection, null, workspaceId, [userId], ct)).SingleOrDefault();
    }

    private static async Task<IReadOnlyList<MemberRow>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string workspaceId,
        IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var ids = userIds.ToArray();
        var rows = (await connection.QueryAsync<MemberRow>(new CommandDefinition(
            """
            SELECT workspace_id AS WorkspaceId, user_id AS UserId, display_name AS DisplayName, time_zone AS TimeZone,
                   time_zone_fetched_at AS TimeZoneFetchedAt, is_bot AS IsBot, is_deleted AS IsDeleted,
                   working_hours::text AS WorkingHours, focus_blocks::text AS FocusBlocks,
                   status_text AS StatusText, status_emoji AS StatusEmoji, status_expires_at AS StatusUntil,
                   dnd_starts_at AS DndStart, dnd_ends_at AS DndEnd, dnd_fetched_at AS DndFetchedAt
            FROM members WHERE workspace_id = @workspaceId AND user_id = ANY(@ids)
            """,
            new { workspaceId, ids }, transaction, cancellationToken: ct))).ToList();
        if (rows.Count == 0)
        {
            return rows;
        }

        var away = (await connection.QueryAsync<(string UserId, DateOnly From, DateOnly Until)>(new CommandDefinition(
            "SELECT user_id, first_day, last_day FROM member_away WHERE workspace_id = @workspaceId AND user_id = ANY(@ids) ORDER BY first_day",
            new { workspaceId, ids }, transaction, cancellationToken: ct))).ToLookup(a => a.UserId, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            row.Away = [.. away[row.UserId].Select(a => new AwayPeriod(a.From, a.Until))];
        }

        return rows;
    }

    private static MemberProfile ToProfile(MemberRow row)
    {
        var zone = row.TimeZone ?? "UTC";
        var working = row.WorkingHours is null ? MemberSchedule.DefaultWorkingHours : Windows(row.WorkingHours);
        var schedule = MemberSchedule.TryCreate(zone, working, Windows(row.FocusBlocks), row.Away, out var valid, out _)
            ? valid
            : MemberSchedule.Default(zone);
        if (row is { DndStart: { } dndStart, DndEnd: { } dndEnd })
        {
            schedule = schedule.WithDnd([new DndWindow(dndStart, dndEnd)]);
        }

        return new MemberProfile(row.WorkspaceId, row.UserId, row.DisplayName, row.IsBot, row.IsDeleted, schedule)
        {
            Status = row.StatusText is null && row.StatusEmoji is null ? null : new SlackStatus(row.StatusText ?? "", row.StatusEmoji ?? "", row.StatusUntil),
            DndFetchedAt = row.DndFetchedAt,
        };
    }

    private static IReadOnlyList<WeeklyWindow> Windows(string json) =>
        [.. (JsonSerializer.Deserialize<StoredWindow[]>(json, WindowJson) ?? []).Select(w => w.ToWindow())];

    private sealed record StoredWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
    {
        public static StoredWindow From(WeeklyWindow window) => new(window.Day, window.Start, window.End);

        public WeeklyWindow ToWindow() => new(Day, Start, End);
    }

    private sealed class MemberRow
    {
        public string WorkspaceId { get; init; } = "";
        public string UserId { get; init; } = "";
        public string? DisplayName { get; init; }
        public string? TimeZone { get; init; }
        public DateTimeOffset? TimeZoneFetchedAt { get; init; }
        public bool IsBot { get; init; }
        public bool IsDeleted { get; init; }
        public string? WorkingHours { get; init; }
        public string FocusBlocks { get; init; } = "[]";
        public IReadOnlyList<AwayPeriod> Away { get; set; } = [];
        public string? StatusText { get; init; }
        public string? StatusEmoji { get; init; }
        public DateTimeOffset? StatusUntil { get; init; }
        public DateTimeOffset? DndStart { get; init; }
        public DateTimeOffset? DndEnd { get; init; }
        public DateTimeOffset? DndFetchedAt { get; init; }
    }

    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [
            await TableRows.PurgeAsync(connection, transaction, "member_away", workspaceId, confirmed, ct),
            await TableRows.PurgeAsync(connection, transaction, "members", workspaceId, confirmed, ct),
        ];
}

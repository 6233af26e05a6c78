using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>Team channels and their settings (team_channels, team_expected_members).</summary>
public sealed class TeamStore(NpgsqlDataSource dataSource) : IWorkspaceDataKeeper
{
    private const string SelectTeam =
        """
        SELECT id AS Id, workspace_id AS WorkspaceId, channel_id AS ChannelId, channel_name AS ChannelName,
               time_zone AS TimeZone, prompt_day AS PromptDay, prompt_time AS PromptTime, close_day AS CloseDay,
               close_time AS CloseTime, reminder_cadence AS ReminderCadence, expect_everyone AS ExpectEveryone,
               lead_user_id AS LeadUserId, digest_recipients AS DigestRecipients, standup_minutes AS StandupMinutes, paused_at AS PausedAt,
               status_means_away AS StatusMeansAway, stopped AS Stopped,
               coalesce((SELECT array_agg(user_id ORDER BY user_id) FROM team_expected_members e WHERE e.team_channel_id = t.id), '{}') AS ChosenMembers
        FROM team_channels t
        """;

    private const string Upsert =
        """
        INSERT INTO team_channels (workspace_id, channel_id, channel_name, time_zone, prompt_day, prompt_time, close_day,
            close_time, reminder_cadence, expect_everyone, lead_user_id, digest_recipients, standup_minutes, status_means_away, created_at, updated_at)
        VALUES (@WorkspaceId, @ChannelId, @ChannelName, @TimeZone, @PromptDay, @PromptTime, @CloseDay, @CloseTime,
            @ReminderCadence, @ExpectEveryone, @LeadUserId, @DigestRecipients, @StandupMinutes, @StatusMeansAway, @now, @now)
        ON CONFLICT (workspace_id, channel_id) DO UPDATE SET
            channel_name = EXCLUDED.channel_name, time_zone = EXCLUDED.time_zone, prompt_day = EXCLUDED.prompt_day,
            prompt_time = EXCLUDED.prompt_time, close_day = EXCLUDED.close_day, close_time = EXCLUDED.close_time,
            reminder_cadence = EXCLUDED.reminder_cadence, expect_everyone = EXCLUDED.expect_everyone,
            lead_user_id = EXCLUDED.lead_user_id, digest_recipients = EXCLUDED.digest_recipients,
            standup_minutes = EXCLUDED.standup_minutes, status_means_away = EXCLUDED.status_means_away, updated_at = EXCLUDED.updated_at,
            paused_at = NULL, paused_reason = NULL
        RETURNING id
        """;

    public async Task<TeamChannel?> FindByChannelAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(
            SelectTeam + " WHERE workspace_id = @workspaceId AND channel_id = @channelId",
            new { workspaceId, channelId }, cancellationToken: ct));
        return row?.ToTeam();
    }

    public async Task<TeamChannel?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TeamRow>(new CommandDefinition(
            SelectTeam + " WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToTeam();
    }

    public async Task<IReadOnlyList<TeamChannel>> InWorkspaceAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TeamRow>(new CommandDefinition(
            SelectTeam + " WHERE workspace_id = @workspaceId ORDER BY id", new { workspaceId }, cancellationToken: ct));
        return [.. rows.Select(row => row.ToTeam())];
    }

    public async Task<IReadOnlyList<string>> ChannelIdsAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT channel_id FROM team_channels WHERE workspace_id = @workspaceId", new { workspaceId }, cancellationToken: ct))];
    }

    /// <summary>The teams a person belongs to: those in <paramref name="channelIds"/> (theirs), those they lead and those that chose them.</summary>
    public async Task<IReadOnlyList<TeamChannel>> OfPersonAsync(string workspaceId, string userId, IReadOnlyList<string> channelIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<TeamRow>(new CommandDefinition(
            SelectTeam + """
             WHERE workspace_id = @workspaceId
               AND (channel_id = ANY(@channelIds) OR lead_user_id = @userId
                    OR EXISTS (SELECT 1 FROM team_expected_members e WHERE e.team_channel_id = t.id AND e.user_id = @userId))
             ORDER BY id
            """, new { workspaceId, userId, channelIds = channelIds.ToArray() }, cancellationToken: ct));
        return [.. rows.Select(row => row.ToTeam())];
    }

    /// <summary>The lead of the team in a channel, or null when the channel has none; inside the caller's transaction.</summary>
    public static Task<string?> LeadOfChannelAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, string channelId,
        CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT lead_user_id FROM team_channels WHERE workspace_id = @workspaceId AND channel_id = @channelId",
            new { workspaceId, channelId }, transaction, cancellationToken: ct));

    /// <summary>
    /// Pauses the team unless it is paused already, inside the caller's transaction; returns when its pause began and
    /// whether this call began it.
    /// </summary>
    public static async Task<(DateTimeOffset PausedAt, bool Began)> PauseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long teamId,
        string reason, DateTimeOffset now, CancellationToken ct)
    {
        // The outer SELECTs read the snapshot from before the UPDATE: a pause this call began is only in "began".
        var row = await connection.QuerySingleAsync<PauseRow>(new CommandDefinition(
            """
            WITH began AS (
                UPDATE team_channels SET paused_at = @now, paused_reason = @reason WHERE id = @teamId AND paused_at IS NULL RETURNING paused_at
            )
            SELECT coalesce((SELECT paused_at FROM began), (SELECT paused_at FROM team_channels WHERE id = @teamId)) AS PausedAt,
                   EXISTS (SELECT 1 FROM began) AS Began
            """, new { teamId, reason, now }, transaction, cancellationToken: ct));
        return (row.PausedAt, row.Began);
    }

    /// <summary>The bot can post in the channel again: its team (if any) runs again. Returns whether one was paused.</summary>
    public async Task<bool> UnpauseAsync(string workspaceId, string channelId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE team_channels SET paused_at = NULL, paused_reason = NULL WHERE workspace_id = @workspaceId AND channel_id = @channelId AND paused_at IS NOT NULL",
            new { workspaceId, channelId }, cancellationToken: ct)) == 1;
    }

    /// <summary>The channel's name as Slack has it now (see <see cref="ChannelNameJob"/>); returns whether it changed.</summary>
    public async Task<bool> RenameAsync(string workspaceId, string channelId, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE team_channels SET channel_name = @name WHERE workspace_id = @workspaceId AND channel_id = @channelId AND channel_name <> @name",
            new { workspaceId, channelId, name }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Stops the team (<see cref="TeamChannel.PausedByLead"/>, <see cref="TeamChannel.SwitchedOff"/>) or, with null, starts
    /// it again, inside the caller's transaction; returns whether anything changed.
    /// </summary>
    public static async Task<bool> SetStoppedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long teamId, string? stopped,
        string userId, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE team_channels SET stopped = @stopped::text, stopped_by = @userId, stopped_at = @now, updated_at = @now
            WHERE id = @teamId AND stopped IS DISTINCT FROM @stopped::text
            """, new { teamId, stopped, userId, now }, transaction, cancellationToken: ct)) == 1;

    /// <summary>Creates or updates the team inside the caller's transaction (saving setup unpauses it); returns its id.</summary>
    public static async Task<long> SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TeamChannel team, DateTimeOffset now, CancellationToken ct)
    {
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Upsert, new
        {
            team.WorkspaceId, team.ChannelId, team.ChannelName, team.TimeZone,
            PromptDay = IsoDay(team.Prompt.Day), PromptTime = team.Prompt.Time.ToTimeSpan(),
            CloseDay = IsoDay(team.Close.Day), CloseTime = team.Close.Time.ToTimeSpan(),
            ReminderCadence = TeamChannel.StoredCadence(team.Reminders), team.ExpectEveryone, team.LeadUserId,
            DigestRecipients = team.DigestRecipients.ToArray(), team.StandupMinutes, team.StatusMeansAway, now,
        }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM team_expected_members WHERE team_channel_id = @id", new { id }, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO team_expected_members (team_channel_id, user_id) SELECT @id, unnest(@users) ON CONFLICT DO NOTHING",
            new { id, users = team.ChosenMembers.ToArray() }, transaction, cancellationToken: ct));
        return id;
    }

    private static short IsoDay(DayOfWeek day) => (short)(day == DayOfWeek.Sunday ? 7 : (int)day);

    private static DayOfWeek FromIsoDay(short day) => (DayOfWeek)(day % 7);

    // Properties, not positional records: Dapper sets a DateTimeOffset property from timestamptz, not a constructor argument.
    private sealed class PauseRow
    {
        public DateTimeOffset PausedAt { get; init; }
        public bool Began { get; init; }
    }

    private sealed class TeamRow
    {
        public long Id { get; init; }
        public string WorkspaceId { get; init; } = "";
        public string ChannelId { get; init; } = "";
        public string ChannelName { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public short PromptDay { get; init; }
        public TimeSpan PromptTime { get; init; }
        public short CloseDay { get; init; }
        public TimeSpan CloseTime { get; init; }
        public string ReminderCadence { get; init; } = "";
        public bool ExpectEveryone { get; init; }
        public string LeadUserId { get; init; } = "";
        public string[] DigestRecipients { get; init; } = [];
        public int StandupMinutes { get; init; }
        public string[] ChosenMembers { get; init; } = [];
        public DateTimeOffset? PausedAt { get; init; }
        public bool StatusMeansAway { get; init; }
        public string? Stopped { get; init; }

        public TeamChannel ToTeam() => new(
            Id, WorkspaceId, ChannelId, ChannelName, TimeZone,
            new WeeklyTime(FromIsoDay(PromptDay), TimeOnly.FromTimeSpan(PromptTime)),
            new WeeklyTime(FromIsoDay(CloseDay), TimeOnly.FromTimeSpan(CloseTime)),
            TeamChannel.ParseCadence(ReminderCadence), ExpectEveryone, ChosenMembers, LeadUserId, DigestRecipients, StandupMinutes)
        {
            PausedAt = PausedAt,
            StatusMeansAway = StatusMeansAway,
            Stopped = Stopped,
        };
    }

    /// <summary>Expected members, weeks, updates and blockers go with their team channel.</summary>
    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [await TableRows.PurgeAsync(connection, transaction, "team_channels", workspaceId, confirmed, ct)];
}

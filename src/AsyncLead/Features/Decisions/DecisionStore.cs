using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using System.Data;
using System.Globalization;
using AsyncLead.Outbox;
using AsyncLead.Jobs;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Decision docs in Postgres. Every change commits together with the jobs that tell Slack about it (outbox).
/// </summary>
public sealed class DecisionStore(NpgsqlDataSource dataSource, JobQueue jobs, TimeProvider clock) : IWorkspaceDataKeeper
{
    private const string DocColumns =
        """
        id AS Id, workspace_id AS WorkspaceId, number AS Number, channel_id AS ChannelId, author_id AS AuthorId,
        author_tz AS AuthorTz, title AS Title, problem_statement AS ProblemStatement, options AS Options,
        analysis AS Analysis, recommendation AS Recommendation, questions AS Questions, deadline AS Deadline,
        decision_date AS DecisionDate, status AS Status, message_ts AS MessageTs, outcome AS Outcome,
        decided_option AS DecidedOption, rationale AS Rationale, decided_by AS DecidedBy, decided_at AS DecidedAt,
        decided_early AS DecidedEarly, ready_noted_at AS ReadyNotedAt, edited_at AS EditedAt, edits AS Edits, version AS Version,
        quorum AS QuorumRule, supersedes AS SupersedesNumber, superseded_by AS SupersededByNumber, revisit_on AS RevisitOn,
        created_at AS CreatedAt
        """;

    private const string ConcernColumns =
        """
        id AS Id, decision_id AS DecisionId, author_id AS AuthorId, kind AS Kind, text AS Text, message_ts AS MessageTs,
        created_at AS CreatedAt, resolved_at AS ResolvedAt, resolved_by AS ResolvedBy
        """;

    private const string NextNumberSql =
        """
        INSERT INTO decision_counters (workspace_id, last_number) VALUES (@WorkspaceId, 1)
        ON CONFLICT (workspace_id) DO UPDATE SET last_number = decision_counters.last_number + 1
        RETURNING last_number
        """;

    private const string InsertDocSql =
        """
        INSERT INTO decisions (workspace_id, number, channel_id, author_id, author_tz, title, problem_statement, options,
                               analysis, recommendation, questions, deadline, decision_date, quorum, supersedes, source_blocker_id, created_at, updated_at)
        VALUES (@WorkspaceId, @Number, @ChannelId, @AuthorId, @AuthorTz, @Title, @ProblemStatement, @Options,
                @Analysis, @Recommendation, @Questions, @Deadline, @DecisionDate, @Quorum, @Supersedes, @SourceBlockerId, @Now, @Now)
        RETURNING id
        """;

    // The index the database holds one standing doc per blocker with (migration 0029).
    private const string OnePerBlockerIndex = "decisions_one_per_blocker";

    private const string SelectStandingFromBlockerSql = "SELECT " + DocColumns +
        """
         FROM decisions
        WHERE workspace_id = @WorkspaceId AND source_blocker_id = @BlockerId AND status IN ('open', 'closed', 'decided')
        """;

    private const string InsertReviewerSql =
        "INSERT INTO decision_reviewers (decision_id, user_id) VALUES (@Id, @UserId) ON CONFLICT DO NOTHING";

    private const string SelectDocByIdSql = "SELECT " + DocColumns + " FROM decisions WHERE id = @Id";

    private const string SelectWorkspaceDocSql = "SELECT " + DocColumns + " FROM decisions WHERE id = @Id AND workspace_id = @WorkspaceId";

    private const string SelectDocByNumberSql =
        "SELECT " + DocColumns + " FROM decisions WHERE workspace_id = @WorkspaceId AND number = @Number";

    private const string LockDocSql = "SELECT " + DocColumns + " FROM decisions WHERE id = @Id FOR UPDATE";

    private const string SelectReviewersSql =
        "SELECT user_id AS UserId, excused AS Excused FROM decision_reviewers WHERE decision_id = @Id ORDER BY user_id";

    // Who was excused is kept when responses close, so the record doesn't change as people come back.
    private const string KeepExcusedSql =
        "UPDATE decision_reviewers SET excused = CASE WHEN user_id = ANY(@Away) THEN 'away' WHEN user_id = ANY(@Out) THEN 'out_of_office' END WHERE decision_id = @Id";

    private const string SelectResponsesSql =
        "SELECT user_id AS ReviewerId, answer AS Answer, version AS Version FROM decision_responses WHERE decision_id = @Id ORDER BY responded_at";

    private const string SelectConcernsSql =
        "SELECT " + ConcernColumns + " FROM decision_concerns WHERE decision_id = @Id ORDER BY created_at, id";

    private const string SelectExtensionsSql =
        """
        SELECT moved_by AS MovedBy, from_deadline AS FromDeadline, to_deadline AS ToDeadline, reason AS Reason, via AS Via, created_at AS CreatedAt
        FROM decision_extensions WHERE decision_id = @Id ORDER BY created_at, id
        """;

    private const string InsertExtensionSql =
        """
        INSERT INTO decision_extensions (decision_id, moved_by, from_deadline, to_deadline, reason, via, created_at)
        VALUES (@Id, @MovedBy, @From, @To, @Reason, @Via, @Now)
        """;

    private const string SelectConcernSql = "SELECT " + ConcernColumns + " FROM decision_concerns WHERE id = @Id";

    private const string UpsertResponseSql =
        """
        INSERT INTO decision_responses (decision_id, user_id, answer, responded_at, version) VALUES (@Id, @UserId, @Answer, @Now, @Version)
        ON CONFLICT (decision_id, user_id) DO UPDATE SET answer = EXCLUDED.answer, responded_at = EXCLUDED.responded_at, version = EXCLUDED.version
        WHERE decision_responses.answer <> EXCLUDED.answer OR decision_responses.version <> EXCLUDED.version
        """;

    private const string InsertConcernSql =
        """
        INSERT INTO decision_concerns (decision_id, author_id, kind, text, created_at) VALUES (@Id, @UserId, @Kind, @Text, @Now)
        RETURNING id
        """;

    private const string ResolveConcernSql =
        """
        UPDATE decision_concerns SET resolved_at = @Now, resolved_by = @UserId
        WHERE id = @ConcernId AND resolved_at IS NULL
        """;

    private const string SetMessageTsSql = "UPDATE decisions SET message_ts = @Ts WHERE id = @Id AND message_ts IS NULL";

    private const string SetConcernTsSql = "UPDATE decision_concerns SET message_ts = @Ts WHERE id = @Id AND message_ts IS NULL";

    // An extension after the deadline opens the doc for responses again.
    private const string ExtendSql =
        """
        UPDATE decisions SET deadline = @Deadline, decision_date = @DecisionDate, status = 'open', outcome = NULL, updated_at = @Now
        WHERE id = @Id
        """;

    // A new version (Options or Recommendation changed) tells the author again once every reviewer has approved it.
    private const string EditSql =
        """
        UPDATE decisions SET title = @Title, problem_statement = @ProblemStatement, options = @Options, analysis = @Analysis,
                             recommendation = @Recommendation, questions = @Questions, deadline = @Deadline, decision_date = @DecisionDate,
                             quorum = @Quorum, edited_at = @Now, edits = edits + 1, version = @Version,
                             ready_noted_at = CASE WHEN @Version = version THEN ready_noted_at END, updated_at = @Now
        WHERE id = @Id
        RETURNING edits
        """;

    private const string RemoveReviewerSql = "DELETE FROM decision_reviewers WHERE decision_id = @Id AND user_id = @UserId";

    private const string MarkReadyNotedSql =
        "UPDATE decisions SET ready_noted_at = @Now WHERE id = @Id AND ready_noted_at IS NULL";

    private const string SetStatusSql = "UPDATE decisions SET status = @Status, outcome = @Outcome, updated_at = @Now WHERE id = @Id";

    private const string RecordDecisionSql =
        """
        UPDATE decisions SET status = 'decided', decided_option = @Option, rationale = @Rationale, decided_by = @UserId,
                             decided_at = @Now, decided_early = @Early, revisit_on = @RevisitOn, updated_at = @Now
        WHERE id = @Id
        """;

    // The decided doc a new decision replaces records it, unless another decision got there first.
    private const string SupersedeSql =
        """
        UPDATE decisions SET superseded_by = @Number, updated_at = @Now
        WHERE workspace_id = @WorkspaceId AND number = @Old AND status = 'decided' AND superseded_by IS NULL
        RETURNING id
        """;

    private const string ForgetSupersedesSql = "UPDATE decisions SET supersedes = NULL WHERE id = @Id";

    private const string ListOpenSql =
        "SELECT " + DocColumns + " FROM decisions WHERE workspace_id = @WorkspaceId AND status IN ('open', 'closed') ORDER BY deadline, number";

    private const string ListDecidedSql =
        "SELECT " + DocColumns + " FROM decisions WHERE workspace_id = @WorkspaceId AND status = 'decided' ORDER BY decided_at DESC LIMIT @Limit";

    // The log's search: ILIKE over the title and every written section; LIKE wildcards arrive escaped (DecisionLogFilter).
    private const string SearchSql =
        "SELECT " + DocColumns + " FROM decisions " +
        """
        WHERE workspace_id = @WorkspaceId
          AND (@Status::text IS NULL OR status = @Status)
          AND (@Pattern::text IS NULL OR number = @Number
               OR concat_ws(E'\n', title, problem_statement, options, analysis, recommendation, questions, decided_option, rationale)
                  ILIKE @Pattern ESCAPE '\')
        ORDER BY number DESC
        LIMIT @Limit
        """;

    private const string WaitingOnSql =
        "SELECT " + DocColumns + """
         FROM decisions d
        WHERE workspace_id = @WorkspaceId AND status = 'open'
          AND EXISTS (SELECT 1 FROM decision_reviewers r WHERE r.decision_id = d.id AND r.user_id = @UserId)
          AND NOT EXISTS (SELECT 1 FROM decision_responses a WHERE a.decision_id = d.id AND a.user_id = @UserId)
        ORDER BY deadline, number
        """;

    // Whose Home tab shows a doc: its reviewers (waiting on them) and its author; the lead of its channel's team is the team store's to say.
    private const string PeopleOfDocSql =
        """
        SELECT user_id FROM decision_reviewers WHERE decision_id = @Id
        UNION SELECT author_id FROM decisions WHERE id = @Id
        """;

    // Decisions standing (not superseded) whose revisit day has come: the author's, and those of the channels a person leads.
    private const string ToRevisitSql = "SELECT " + DocColumns +
        """
         FROM decisions
        WHERE workspace_id = @WorkspaceId AND status = 'decided' AND superseded_by IS NULL AND revisit_on <= @Today
          AND (author_id = @UserId OR channel_id = ANY(@Channels))
        ORDER BY revisit_on, number
        """;

    private const string DueInChannelSql = "SELECT " + DocColumns +
        """
         FROM decisions
        WHERE workspace_id = @WorkspaceId AND channel_id = @ChannelId AND status = 'open' AND deadline >= @From AND deadline < @Until
        ORDER BY deadline, number
        """;

    private const string DecidedInChannelSql = "SELECT " + DocColumns +
        """
         FROM decisions
        WHERE workspace_id = @WorkspaceId AND channel_id = @ChannelId AND status = 'decided' AND decided_at >= @From AND decided_at < @Until
        ORDER BY decided_at, number
        """;

    /// <summary>
    /// Saves the doc with the next DEC number and enqueues its post, its reminders and its deadline; null, saving
    /// nothing, when the blocker it was started from has a standing doc already (one submitted at the same moment included).
    /// </summary>
    public async Task<DecisionDoc?> CreateAsync(NewDecision doc, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var number = await connection.ExecuteScalarAsync<int>(new CommandDefinition(NextNumberSql, new { doc.WorkspaceId }, transaction, cancellationToken: ct));
        var sections = doc.Sections;
        long id;
        try
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertDocSql, new
            {
                doc.WorkspaceId, Number = number, doc.ChannelId, doc.AuthorId, doc.AuthorTz, sections.Title,
                sections.ProblemStatement, Options = sections.OptionsConsidered, sections.Analysis, sections.Recommendation,
                Questions = sections.QuestionsForTeam, doc.Deadline, doc.DecisionDate, Quorum = Rule(doc.Quorum), Supersedes = doc.Supersedes?.Number,
                doc.SourceBlockerId, Now = now,
            }, transaction, cancellationToken: ct));
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: OnePerBlockerIndex })
        {
            // Disposing the transaction rolls it back, the DEC number with it.
            return null;
        }

        foreach (var reviewer in doc.Reviewers)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertReviewerSql, new { Id = id, UserId = reviewer }, transaction, cancellationToken: ct));
        }

        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.PostDocRequest(doc.WorkspaceId, id), ct);
        // Whether the channel is private decides who may read the doc elsewhere (lists, pages): learn it now, off the ack.
        await jobs.EnqueueAsync(connection, transaction, ChannelAccess.LearnRequest(doc.WorkspaceId, doc.ChannelId), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.PlanRemindersRequest(doc.WorkspaceId, id), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.DeadlineRequest(doc.WorkspaceId, id, doc.Deadline), ct);
        var saved = await connection.QuerySingleAsync<DecisionDoc>(new CommandDefinition(SelectDocByIdSql, new { Id = id }, transaction, cancellationToken: ct));
        await RefreshHomesAsync(connection, transaction, saved, ct);
        await transaction.CommitAsync(ct);
        return saved;
    }

    /// <summary>The open, closed or decided doc started from the blocker; a withdrawn or lapsed one doesn't count.</summary>
    public async Task<DecisionDoc?> StandingFromBlockerAsync(string workspaceId, long blockerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(
            SelectStandingFromBlockerSql, new { WorkspaceId = workspaceId, BlockerId = blockerId }, cancellationToken: ct));
    }

    public async Task<DecisionDoc?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(SelectDocByIdSql, new { Id = id }, cancellationToken: ct));
    }

    /// <summary>The doc when it belongs to <paramref name="workspaceId"/>: what every request from Slack asks, so no id reaches across tenants.</summary>
    public async Task<DecisionDoc?> FindAsync(string workspaceId, long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(
            SelectWorkspaceDocSql, new { Id = id, WorkspaceId = workspaceId }, cancellationToken: ct));
    }

    public async Task<DecisionDoc?> FindAsync(string workspaceId, DecisionShortId shortId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(
            SelectDocByNumberSql, new { WorkspaceId = workspaceId, shortId.Number }, cancellationToken: ct));
    }

    /// <summary>The doc with its reviewers, answers and concerns, read as of one moment.</summary>
    public async Task<DecisionSnapshot?> SnapshotAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(SelectDocByIdSql, new { Id = id }, transaction, cancellationToken: ct));
        return doc is null ? null : await SnapshotAsync(connection, transaction, doc, ct);
    }

    public async Task<DecisionConcern?> FindConcernAsync(long concernId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DecisionConcern>(new CommandDefinition(SelectConcernSql, new { Id = concernId }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DecisionDoc>> ListOpenAsync(string workspaceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(ListOpenSql, new { WorkspaceId = workspaceId }, cancellationToken: ct))];
    }

    public async Task<IReadOnlyList<DecisionDoc>> ListRecentDecisionsAsync(string workspaceId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(ListDecidedSql, new { WorkspaceId = workspaceId, Limit = limit }, cancellationToken: ct))];
    }

    /// <summary>A workspace's docs matching the log's filter, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DecisionDoc>> SearchAsync(string workspaceId, DecisionLogFilter filter, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(SearchSql, new
        {
            WorkspaceId = workspaceId, Status = filter.Status?.ToString().ToLowerInvariant(), Pattern = filter.ContainsPattern,
            filter.Number, Limit = limit,
        }, cancellationToken: ct))];
    }

    /// <summary>Open docs the person is a named reviewer of and hasn't answered, soonest deadline first.</summary>
    /// <summary>Which of <paramref name="docIds"/> name <paramref name="userId"/> as a reviewer.</summary>
    public async Task<IReadOnlySet<long>> ReviewedByAsync(string userId, IReadOnlyCollection<long> docIds, CancellationToken ct)
    {
        if (docIds.Count == 0)
        {
            return new HashSet<long>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT decision_id FROM decision_reviewers WHERE user_id = @userId AND decision_id = ANY(@ids)",
            new { userId, ids = docIds.ToArray() }, cancellationToken: ct))).ToHashSet();
    }

    public async Task<IReadOnlyList<DecisionDoc>> WaitingOnAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(WaitingOnSql, new { WorkspaceId = workspaceId, UserId = userId }, cancellationToken: ct))];
    }

    /// <summary>
    /// Decisions to revisit by <paramref name="today"/> (the reader's day): those <paramref name="userId"/> wrote, and any
    /// in <paramref name="channelIds"/> (the channels of the teams they lead); soonest first.
    /// </summary>
    public async Task<IReadOnlyList<DecisionDoc>> ToRevisitAsync(string workspaceId, string? userId, IReadOnlyCollection<string> channelIds, DateOnly today,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(ToRevisitSql, new
        {
            WorkspaceId = workspaceId, UserId = userId, Channels = channelIds.ToArray(), Today = today,
        }, cancellationToken: ct))];
    }

    /// <summary>Docs of a channel still taking responses whose deadline falls in [<paramref name="from"/>, <paramref name="until"/>), soonest first.</summary>
    public Task<IReadOnlyList<DecisionDoc>> DueInChannelAsync(string workspaceId, string channelId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        ListInChannelAsync(DueInChannelSql, workspaceId, channelId, from, until, ct);

    /// <summary>Docs of a channel decided in [<paramref name="from"/>, <paramref name="until"/>), in the order they were decided.</summary>
    public Task<IReadOnlyList<DecisionDoc>> DecidedInChannelAsync(string workspaceId, string channelId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        ListInChannelAsync(DecidedInChannelSql, workspaceId, channelId, from, until, ct);

    /// <summary>Stores the doc message's ts the moment Slack returns it (the first stored ts wins).</summary>
    /// <summary>Stores where the doc was posted; the Home tabs it is on are refreshed, as their link to it exists only now.</summary>
    public async Task SetMessageTsAsync(DecisionDoc doc, string ts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteAsync(new CommandDefinition(SetMessageTsSql, new { doc.Id, Ts = ts }, transaction, cancellationToken: ct)) == 1)
        {
            await RefreshHomesAsync(connection, transaction, doc, ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task SetConcernTsAsync(long concernId, string ts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SetConcernTsSql, new { Id = concernId, Ts = ts }, cancellationToken: ct));
    }

    /// <summary>Records a person's answer (replacing a different earlier one) while the doc is open.</summary>
    public Task<ResponseResult> RecordResponseAsync(long id, string userId, ReviewerAnswer answer, CancellationToken ct) =>
        InOpenDocAsync(id, ct, async (connection, transaction, open, now) =>
        {
            var changed = await UpsertResponseAsync(connection, transaction, open, userId, answer, now, ct);
            if (changed)
            {
                await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(open.WorkspaceId, id), ct);
                await RefreshHomesAsync(connection, transaction, open, ct, userId, open.AuthorId);
                await TellIfReadyAsync(connection, transaction, open, now, ct);
            }

            return changed ? ResponseResult.Recorded : ResponseResult.Unchanged;
        });

    /// <summary>Records a concern or question (and makes it the person's answer) and enqueues its thread post.</summary>
    public Task<ResponseResult> RaiseAsync(long id, string userId, ReviewerAnswer kind, string text, CancellationToken ct) =>
        InOpenDocAsync(id, ct, async (connection, transaction, open, now) =>
        {
            await UpsertResponseAsync(connection, transaction, open, userId, kind, now, ct);
            var concernId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertConcernSql, new
            {
                Id = id, UserId = userId, Kind = kind.ToString().ToLowerInvariant(), Text = text, Now = now,
            }, transaction, cancellationToken: ct));
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.SyncConcernRequest(open.WorkspaceId, id, concernId), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(open.WorkspaceId, id), ct);
            await RefreshHomesAsync(connection, transaction, open, ct, userId, open.AuthorId);
            return ResponseResult.Recorded;
        });

    /// <summary>Marks a concern resolved; false when it already was.</summary>
    public async Task<bool> ResolveConcernAsync(DecisionConcern concern, string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var resolved = await connection.ExecuteAsync(new CommandDefinition(ResolveConcernSql, new
        {
            ConcernId = concern.Id, UserId = userId, Now = now,
        }, transaction, cancellationToken: ct)) == 1;
        if (resolved)
        {
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.SyncConcernRequest(workspaceId, concern.DecisionId, concern.Id), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(workspaceId, concern.DecisionId), ct);
            var doc = await connection.QuerySingleAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = concern.DecisionId }, transaction, cancellationToken: ct));
            if (doc.State == DecisionStatus.Open && doc.Deadline > now)
            {
                await TellIfReadyAsync(connection, transaction, doc, now, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return resolved;
    }

    /// <summary>
    /// Saves the author's edit of an open doc: sections, reviewers and dates. A moved deadline plans the deadline and
    /// the reminders again; new reviewers (and approvals of an earlier version, now waiting) get their reminders; the
    /// thread is told what changed and each reviewer whose approval no longer counts is asked to confirm it.
    /// </summary>
    public Task<EditResult> EditAsync(long id, DecisionEdit edit, CancellationToken ct) =>
        InOpenDocAsync(id, ct, async (connection, transaction, open, now) =>
        {
            var changes = DecisionChanges.Between(await SnapshotAsync(connection, transaction, open, ct), edit);
            if (!changes.Any)
            {
                return EditResult.Unchanged;
            }

            var sections = edit.Sections;
            var edits = await connection.ExecuteScalarAsync<int>(new CommandDefinition(EditSql, new
            {
                Id = id, sections.Title, sections.ProblemStatement, Options = sections.OptionsConsidered, sections.Analysis, sections.Recommendation,
                Questions = sections.QuestionsForTeam, edit.Deadline, edit.DecisionDate, Quorum = Rule(edit.Quorum), Now = now, Version = open.Version + (changes.NewVersion ? 1 : 0),
            }, transaction, cancellationToken: ct));
            if (changes.RemovedReviewers.Count > 0)
            {
                // Their Home tabs drop the doc; after the change they are no longer among its people.
                await RefreshHomesAsync(connection, transaction, open, ct, [.. changes.RemovedReviewers]);
            }

            foreach (var reviewer in changes.RemovedReviewers)
            {
                await connection.ExecuteAsync(new CommandDefinition(RemoveReviewerSql, new { Id = id, UserId = reviewer }, transaction, cancellationToken: ct));
            }

            foreach (var reviewer in changes.AddedReviewers)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertReviewerSql, new { Id = id, UserId = reviewer }, transaction, cancellationToken: ct));
            }

            var doc = await connection.QuerySingleAsync<DecisionDoc>(new CommandDefinition(SelectDocByIdSql, new { Id = id }, transaction, cancellationToken: ct));
            if (changes.Deadline is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertExtensionSql, new
                {
                    Id = id, MovedBy = doc.AuthorId, From = open.Deadline, To = doc.Deadline, Reason = "", Via = "edit", Now = now,
                }, transaction, cancellationToken: ct));
                await jobs.CancelScopeAsync(connection, transaction, DecisionJobs.Scope(doc.WorkspaceId, id), ct);
                await jobs.EnqueueAsync(connection, transaction, DecisionJobs.DeadlineRequest(doc.WorkspaceId, id, doc.Deadline), ct);
            }

            if (changes.Deadline is not null || changes.AddedReviewers.Count > 0 || changes.ToConfirm.Count > 0)
            {
                await jobs.EnqueueAsync(connection, transaction, DecisionJobs.PlanRemindersRequest(doc.WorkspaceId, id), ct);
            }

            await jobs.EnqueueAsync(connection, transaction,
                DecisionJobs.ThreadNoteRequest(doc.WorkspaceId, id, string.Create(CultureInfo.InvariantCulture, $"edit:{edits}"), DecisionText.Edited(doc, changes)), ct);
            foreach (var reviewer in changes.ToConfirm)
            {
                await jobs.EnqueueAsync(connection, transaction, new Notice(doc.WorkspaceId, reviewer, DecisionText.ConfirmApproval(doc, changes)).Request(), ct);
            }

            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(doc.WorkspaceId, id), ct);
            await RefreshHomesAsync(connection, transaction, doc, ct);
            await TellIfReadyAsync(connection, transaction, doc, now, ct);
            return EditResult.Saved;
        }, EditResult.NotOpen);

    /// <summary>
    /// Moves the deadline (after it passed too, opening the doc again): reminders and the deadline job are planned
    /// again, the author's reminders to decide and the lapse are dropped, and the thread is told why.
    /// </summary>
    public Task<bool> ExtendAsync(long id, string userId, DateTimeOffset deadline, DateTimeOffset decisionDate, string reason, string note, CancellationToken ct) =>
        InUndecidedDocAsync(id, ct, async (connection, transaction, open, now) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertExtensionSql, new
            {
                Id = id, MovedBy = userId, From = open.Deadline, To = deadline, Reason = reason.Trim(), Via = "extend", Now = now,
            }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(ExtendSql, new { Id = id, Deadline = deadline, DecisionDate = decisionDate, Now = now }, transaction, cancellationToken: ct));
            await jobs.CancelScopeAsync(connection, transaction, DecisionJobs.Scope(open.WorkspaceId, id), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.PlanRemindersRequest(open.WorkspaceId, id), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.DeadlineRequest(open.WorkspaceId, id, deadline), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.ThreadNoteRequest(open.WorkspaceId, id, $"extend:{deadline.ToUnixTimeSeconds()}", note), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(open.WorkspaceId, id), ct);
            await RefreshHomesAsync(connection, transaction, open, ct);
            return true;
        });

    /// <summary>Withdraws a doc not decided yet (open, or closed): no more reminders, no deadline, and the message says so.</summary>
    public Task<bool> WithdrawAsync(long id, string note, CancellationToken ct) =>
        InUndecidedDocAsync(id, ct, async (connection, transaction, open, now) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(SetStatusSql, new { Id = id, Status = "withdrawn", Outcome = (string?)null, Now = now }, transaction, cancellationToken: ct));
            await jobs.CancelScopeAsync(connection, transaction, DecisionJobs.Scope(open.WorkspaceId, id), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.ThreadNoteRequest(open.WorkspaceId, id, "withdrawn", note), ct);
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(open.WorkspaceId, id), ct);
            await RefreshHomesAsync(connection, transaction, open, ct);
            return true;
        });

    /// <summary>
    /// Closes an open doc whose deadline has passed, with the review outcome; <paramref name="announce"/> builds the
    /// thread note and the author's DM from the final tally. Null when the doc was not due.
    /// </summary>
    public async Task<DecisionSnapshot?> CloseAsync(long id, Func<DecisionSnapshot, (string ThreadNote, string AuthorMessage)> announce, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = id }, transaction, cancellationToken: ct));
        if (doc is null || doc.State != DecisionStatus.Open || doc.Deadline > now)
        {
            return null;
        }

        var snapshot = await SnapshotAsync(connection, transaction, doc, ct);
        var outcome = snapshot.Tally.Outcome == DecisionOutcome.ReadyToDecide ? "ready_to_decide" : "needs_sync";
        await connection.ExecuteAsync(new CommandDefinition(KeepExcusedSql, new
        {
            Id = id,
            Away = snapshot.Excused.Where(e => e.Value == AwayReason.Away).Select(e => e.Key).ToArray(),
            Out = snapshot.Excused.Where(e => e.Value == AwayReason.OutOfOffice).Select(e => e.Key).ToArray(),
        }, transaction, cancellationToken: ct));
        var (note, authorMessage) = announce(snapshot);
        await connection.ExecuteAsync(new CommandDefinition(SetStatusSql, new { Id = id, Status = "closed", Outcome = outcome, Now = now }, transaction, cancellationToken: ct));
        // Keyed by the deadline: a doc extended after closing closes again with a new outcome.
        await jobs.EnqueueAsync(connection, transaction,
            DecisionJobs.ThreadNoteRequest(doc.WorkspaceId, id, $"outcome:{doc.Deadline.ToUnixTimeSeconds()}", note), ct);
        var reminders = DecisionSchedule.DecideReminders(doc.Deadline, doc.AuthorTz);
        for (var i = 0; i < reminders.Count; i++)
        {
            await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RemindToDecideRequest(doc.WorkspaceId, id, i + 1, reminders[i]), ct);
        }

        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.LapseRequest(doc.WorkspaceId, id, doc.Deadline + DecisionSchedule.LapseAfter), ct);
        await jobs.EnqueueAsync(connection, transaction, new Notice(doc.WorkspaceId, doc.AuthorId, authorMessage).Request(), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(doc.WorkspaceId, id), ct);
        await RefreshHomesAsync(connection, transaction, doc, ct);
        await transaction.CommitAsync(ct);
        return snapshot;
    }

    /// <summary>
    /// Turns a closed doc, or an open one every reviewer approved (decided early), into a decision record; what is still
    /// pending for it (reminders, the deadline, the lapse) is dropped. <paramref name="note"/> gets whether it was early.
    /// False when it can't be decided now.
    /// </summary>
    public async Task<bool> RecordDecisionAsync(long id, string userId, RecordedDecision decision, Func<bool, string> note, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = id }, transaction, cancellationToken: ct));
        var early = doc?.State == DecisionStatus.Open && doc.Deadline > now && (await SnapshotAsync(connection, transaction, doc, ct)).Approved;
        if (doc is null || (doc.State != DecisionStatus.Closed && !early))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(RecordDecisionSql, new
        {
            Id = id, UserId = userId, decision.Option, decision.Rationale, decision.RevisitOn, Early = early, Now = now,
        }, transaction, cancellationToken: ct));
        await jobs.CancelScopeAsync(connection, transaction, DecisionJobs.Scope(doc.WorkspaceId, id), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.ThreadNoteRequest(doc.WorkspaceId, id, "decided", note(early)), ct);
        await AddFollowUpsAsync(connection, transaction, doc, decision.FollowUps, now, ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(doc.WorkspaceId, id), ct);
        if (doc.Supersedes is { } old)
        {
            await SupersedeAsync(connection, transaction, doc, old, now, ct);
        }

        await RefreshHomesAsync(connection, transaction, doc, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    // Each follow-up waits in its owner's next weekly form (WeeklyUpdates keeps them), and the owner hears of it now
    // (the one recording it knows already).
    private async Task AddFollowUpsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionDoc doc, IReadOnlyList<DecisionFollowUp> followUps,
        DateTimeOffset now, CancellationToken ct)
    {
        await PlannedItemStore.AddAsync(connection, transaction, doc.WorkspaceId, followUps.Select(f => new PlannedItem
        {
            UserId = f.OwnerId, Text = f.Text, DueOn = f.DueOn, SourceKey = doc.FollowUpSource, SourceLabel = doc.ShortId.ToString(),
        }), now, ct);
        foreach (var owner in followUps.Where(f => f.OwnerId != doc.AuthorId).GroupBy(f => f.OwnerId, StringComparer.Ordinal))
        {
            await jobs.EnqueueAsync(connection, transaction, new Notice(doc.WorkspaceId, owner.Key, DecisionText.FollowUpsFor(doc, [.. owner])).Request(), ct);
        }
    }

    // The old record says it was replaced, in place and in its thread; if another decision replaced it first, this one
    // stands on its own.
    private async Task SupersedeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionDoc doc, DecisionShortId old,
        DateTimeOffset now, CancellationToken ct)
    {
        var oldId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SupersedeSql, new
        {
            doc.WorkspaceId, doc.Number, Old = old.Number, Now = now,
        }, transaction, cancellationToken: ct));
        if (oldId is not { } replaced)
        {
            await connection.ExecuteAsync(new CommandDefinition(ForgetSupersedesSql, new { doc.Id }, transaction, cancellationToken: ct));
            return;
        }

        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.ThreadNoteRequest(doc.WorkspaceId, replaced, "superseded", DecisionText.SupersededNote(doc)), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(doc.WorkspaceId, replaced), ct);
    }

    /// <summary>A closed doc still undecided <see cref="DecisionSchedule.LapseAfter"/> after its deadline lapses; false when it wasn't due.</summary>
    public async Task<bool> LapseAsync(long id, Func<DecisionDoc, string> note, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = id }, transaction, cancellationToken: ct));
        if (doc?.State != DecisionStatus.Closed || doc.Deadline + DecisionSchedule.LapseAfter > now)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(SetStatusSql, new { Id = id, Status = "lapsed", doc.Outcome, Now = now }, transaction, cancellationToken: ct));
        await jobs.CancelScopeAsync(connection, transaction, DecisionJobs.Scope(doc.WorkspaceId, id), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.ThreadNoteRequest(doc.WorkspaceId, id, "lapsed", note(doc)), ct);
        await jobs.EnqueueAsync(connection, transaction, DecisionJobs.RefreshDocRequest(doc.WorkspaceId, id), ct);
        await RefreshHomesAsync(connection, transaction, doc, ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    // The first time every reviewer has approved, the author hears it may be decided now; later changes don't tell again.
    private async Task TellIfReadyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionDoc doc, DateTimeOffset now, CancellationToken ct)
    {
        if (doc.ReadyNotedAt is not null || await SnapshotAsync(connection, transaction, doc, ct) is not { Approved: true } snapshot)
        {
            return;
        }

        if (await connection.ExecuteAsync(new CommandDefinition(MarkReadyNotedSql, new { doc.Id, Now = now }, transaction, cancellationToken: ct)) == 1)
        {
            await jobs.EnqueueAsync(connection, transaction, new Notice(doc.WorkspaceId, doc.AuthorId, DecisionText.ReadyEarly(snapshot)).Request(), ct);
        }
    }

    /// <summary>Refreshes the Home tabs the doc appears on (<paramref name="only"/>: just these people's), in the change's transaction.</summary>
    private async Task RefreshHomesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionDoc doc, CancellationToken ct,
        params string[] only)
    {
        IEnumerable<string?> people = only;
        if (only.Length == 0)
        {
            var lead = await TeamStore.LeadOfChannelAsync(connection, transaction, doc.WorkspaceId, doc.ChannelId, ct);
            people = (await connection.QueryAsync<string?>(new CommandDefinition(PeopleOfDocSql, new { doc.Id }, transaction, cancellationToken: ct)))
                .Append(lead);
        }

        await HomeRefresh.EnqueueAsync(jobs, connection, transaction, doc.WorkspaceId, people, ct);
    }

    private async Task<IReadOnlyList<DecisionDoc>> ListInChannelAsync(string sql, string workspaceId, string channelId, DateTimeOffset from,
        DateTimeOffset until, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<DecisionDoc>(new CommandDefinition(sql,
            new { WorkspaceId = workspaceId, ChannelId = channelId, From = from, Until = until }, cancellationToken: ct))];
    }

    /// <summary>
    /// The doc as of one moment. While it is open, a reviewer without an answer who is away (AsyncLead away days or a
    /// Slack out-of-office status, as last stored) for the rest of the review is excused; once closed, as kept then.
    /// </summary>
    private async Task<DecisionSnapshot> SnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DecisionDoc doc, CancellationToken ct)
    {
        var id = new { doc.Id };
        var reviewers = (await connection.QueryAsync<(string UserId, string? Excused)>(new CommandDefinition(SelectReviewersSql, id, transaction, cancellationToken: ct))).ToList();
        var rows = await connection.QueryAsync<(string ReviewerId, string Answer, int Version)>(new CommandDefinition(SelectResponsesSql, id, transaction, cancellationToken: ct));
        var concerns = await connection.QueryAsync<DecisionConcern>(new CommandDefinition(SelectConcernsSql, id, transaction, cancellationToken: ct));
        var responses = rows.Select(r => Response(r.ReviewerId, Enum.Parse<ReviewerAnswer>(r.Answer, ignoreCase: true), r.Version < doc.Version)).ToList();

        var excused = new Dictionary<string, AwayReason>(StringComparer.Ordinal);
        if (doc.State == DecisionStatus.Open)
        {
            var answered = responses.Where(r => !r.EarlierVersion).Select(r => r.ReviewerId).ToHashSet(StringComparer.Ordinal);
            var silent = reviewers.Select(r => r.UserId).Where(r => !answered.Contains(r)).ToList();
            var now = clock.GetUtcNow();
            var from = now < doc.Deadline ? now : doc.Deadline;
            var profiles = silent.Count == 0 ? null : await MemberDirectory.KnownAsync(connection, transaction, doc.WorkspaceId, silent, ct);
            foreach (var (userId, profile) in profiles ?? new Dictionary<string, MemberProfile>())
            {
                if (profile.AwayThrough(from, doc.Deadline) is { } reason)
                {
                    excused[userId] = reason;
                }
            }
        }
        else
        {
            foreach (var (userId, kept) in reviewers)
            {
                if (kept is not null)
                {
                    excused[userId] = kept == "away" ? AwayReason.Away : AwayReason.OutOfOffice;
                }
            }
        }

        var extensions = await connection.QueryAsync<DecisionExtension>(new CommandDefinition(SelectExtensionsSql, id, transaction, cancellationToken: ct));
        var followUps = doc.State == DecisionStatus.Decided
            ? await PlannedItemStore.OfSourcesAsync(connection, transaction, doc.WorkspaceId, [doc.FollowUpSource], ct)
            : [];
        return new DecisionSnapshot(doc, [.. reviewers.Select(r => r.UserId)], responses, [.. concerns])
        {
            Excused = excused, Extensions = [.. extensions], FollowUps = followUps,
        };
    }

    private static string Rule(DecisionQuorum quorum) => quorum.ToString().ToLowerInvariant();

    // Only an approval belongs to the version it was given to; a concern, question or abstention stands whatever changed.
    private static ReviewerResponse Response(string reviewerId, ReviewerAnswer answer, bool olderVersion) =>
        new(reviewerId, answer, answer == ReviewerAnswer.Approve && olderVersion);

    private async Task<bool> UpsertResponseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DecisionDoc doc, string userId, ReviewerAnswer answer, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(UpsertResponseSql, new
        {
            doc.Id, UserId = userId, Answer = answer.ToString().ToLowerInvariant(), Now = now, doc.Version,
        }, transaction, cancellationToken: ct)) == 1;

    // Runs a change under the doc's row lock, only while it takes responses, so a click racing the deadline loses cleanly.
    private async Task<T> InOpenDocAsync<T>(
        long id, CancellationToken ct, Func<NpgsqlConnection, NpgsqlTransaction, DecisionDoc, DateTimeOffset, Task<T>> change, T notOpen)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = id }, transaction, cancellationToken: ct));
        if (doc is null || doc.State != DecisionStatus.Open || doc.Deadline <= now)
        {
            return notOpen;
        }

        var result = await change(connection, transaction, doc, now);
        await transaction.CommitAsync(ct);
        return result;
    }

    // Runs a change under the doc's row lock while it is not decided yet (open, or closed waiting for the author).
    private async Task<bool> InUndecidedDocAsync(
        long id, CancellationToken ct, Func<NpgsqlConnection, NpgsqlTransaction, DecisionDoc, DateTimeOffset, Task<bool>> change)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var doc = await connection.QuerySingleOrDefaultAsync<DecisionDoc>(new CommandDefinition(LockDocSql, new { Id = id }, transaction, cancellationToken: ct));
        if (doc?.State is not (DecisionStatus.Open or DecisionStatus.Closed))
        {
            return false;
        }

        var result = await change(connection, transaction, doc, now);
        await transaction.CommitAsync(ct);
        return result;
    }

    private Task<ResponseResult> InOpenDocAsync(
        long id, CancellationToken ct, Func<NpgsqlConnection, NpgsqlTransaction, DecisionDoc, DateTimeOffset, Task<ResponseResult>> change) =>
        InOpenDocAsync(id, ct, change, ResponseResult.NotOpen);

    /// <summary>Reviewers, responses and concerns go with their decision.</summary>
    public async Task<IReadOnlyList<TableRows>> PurgeWorkspaceAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string workspaceId, bool confirmed, CancellationToken ct) =>
        [
            await TableRows.PurgeAsync(connection, transaction, "decisions", workspaceId, confirmed, ct),
            await TableRows.PurgeAsync(connection, transaction, "decision_counters", workspaceId, confirmed, ct),
        ];
}

using AsyncLead.Jobs;
using AsyncLead.Outbox;
using Dapper;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Questions asked in weekly threads (thread_questions; its rows go with their week). Attribution: a reply in a week's
/// thread that mentions (<c>&lt;@U…&gt;</c>) someone who wrote an update that week is a question for each of them (Slack
/// threads don't nest, so a mention is how a reply says whose update it is about); a reply by such a writer in the
/// same thread answers every question put to them there before it.
/// </summary>
public sealed class ThreadQuestions(NpgsqlDataSource dataSource, JobQueue queue)
{
    /// <summary>How long a first question waits for others to join it in one DM.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMinutes(10);

    /// <summary>What is kept of a question's text for the DM.</summary>
    public const int MaxTextLength = 300;

    /// <summary>
    /// A reply in a team channel's thread: finds its week by the thread's root, marks the replier's open questions
    /// answered, records a question for each writer it mentions and plans their DM. One short transaction, no Slack call.
    /// </summary>
    public async Task RecordReplyAsync(string workspaceId, string channelId, string threadTs, string messageTs, string replierUserId,
        string text, IReadOnlyCollection<string> mentioned, Func<string, DateTimeOffset> dmAt, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var weekId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            """
            SELECT w.id FROM update_weeks w JOIN team_channels t ON t.id = w.team_channel_id
            WHERE t.workspace_id = @workspaceId AND t.channel_id = @channelId AND w.root_ts = @threadTs
            """, new { workspaceId, channelId, threadTs }, transaction, cancellationToken: ct));
        if (weekId is not { } week)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE thread_questions SET answered_at = @now
            WHERE week_id = @week AND author_user_id = @replierUserId AND answered_at IS NULL AND message_ts < @messageTs
            """, new { week, replierUserId, messageTs, now }, transaction, cancellationToken: ct));

        var writers = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT user_id FROM weekly_updates WHERE week_id = @week AND user_id = ANY(@mentioned)",
            new { week, mentioned = mentioned.Where(id => id != replierUserId).ToArray() }, transaction, cancellationToken: ct))).ToList();
        var kept = text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text;
        foreach (var author in writers)
        {
            var added = await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO thread_questions (week_id, author_user_id, asker_user_id, message_ts, text, asked_at)
                VALUES (@week, @author, @replierUserId, @messageTs, @kept, @now)
                ON CONFLICT (week_id, message_ts, author_user_id) DO NOTHING
                """, new { week, author, replierUserId, messageTs, kept, now }, transaction, cancellationToken: ct));
            if (added == 1)
            {
                // One pending DM per person: questions asked while it waits join it.
                await queue.EnqueueAsync(connection, transaction, new JobRequest(QuestionsDmJob.JobKind, new QuestionsDmJob.Payload(workspaceId, author))
                {
                    RunAt = dmAt(author),
                    JobKey = $"weekly-questions:{workspaceId}:{author}",
                    OnConflict = JobKeyConflict.Ignore,
                    Scope = WorkspaceScope.For(workspaceId, $"weekly-questions:{author}"),
                }, ct);
            }
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The questions put to this person in the workspace's weekly threads that they have neither been told of nor answered.</summary>
    public async Task<IReadOnlyList<ThreadQuestion>> UntoldAsync(string workspaceId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<QuestionRow>(new CommandDefinition(
            """
            SELECT q.id AS Id, t.channel_id AS ChannelId, w.week_start AS WeekStart, q.asker_user_id AS AskerUserId,
                   q.message_ts AS MessageTs, q.text AS Text
            FROM thread_questions q JOIN update_weeks w ON w.id = q.week_id JOIN team_channels t ON t.id = w.team_channel_id
            WHERE t.workspace_id = @workspaceId AND q.author_user_id = @userId AND q.told_at IS NULL AND q.answered_at IS NULL
            ORDER BY q.asked_at, q.id
            """, new { workspaceId, userId }, cancellationToken: ct));
        return [.. rows.Select(r => new ThreadQuestion(r.Id, r.ChannelId, r.WeekStart, r.AskerUserId, r.MessageTs, r.Text))];
    }

    public async Task MarkToldAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE thread_questions SET told_at = @now WHERE id = ANY(@ids) AND told_at IS NULL",
            new { ids = ids.ToArray(), now }, cancellationToken: ct));
    }

    public async Task<QuestionCounts> CountsAsync(long weekId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(
            """
            SELECT count(*)::int AS Asked, count(answered_at)::int AS Answered FROM thread_questions WHERE week_id = @weekId
            """, new { weekId }, cancellationToken: ct));
        return new QuestionCounts(row.Asked, row.Answered);
    }

    private sealed class CountRow
    {
        public int Asked { get; init; }
        public int Answered { get; init; }
    }

    private sealed class QuestionRow
    {
        public long Id { get; init; }
        public string ChannelId { get; init; } = "";
        public DateOnly WeekStart { get; init; }
        public string AskerUserId { get; init; } = "";
        public string MessageTs { get; init; } = "";
        public string Text { get; init; } = "";
    }
}

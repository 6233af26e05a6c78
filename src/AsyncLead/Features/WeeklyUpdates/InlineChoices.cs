using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.WebApi;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// What the buttons of an inline draft do (<see cref="InlinePreview"/>). A draft is settled once: its row is locked
/// and marked in the transaction that saves the update, so a second click, or one on a button of a settled draft,
/// only says what happened. The answer replaces the message clicked, so its buttons go with it.
/// </summary>
public sealed class InlineChoices(NpgsqlDataSource dataSource, InlineDrafts drafts, TeamStore teams, UpdateStore updates,
    UpdateSubmissions submissions, ISlackClient slack, TimeProvider clock)
{
    /// <summary>"Post as Completed" (or "Add to Completed"): the text under Completed, added to the week's update if there is one by now.</summary>
    public async Task<MessageAck> PostAsync(string workspaceId, long draftId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (draft, team, refusal) = await StillOpenAsync(await InlineDrafts.LockAsync(connection, transaction, workspaceId, draftId, userId, ct), ct);
        if (draft is null || team is null)
        {
            return refusal!;
        }

        var week = TeamWeek.Containing(draft.WeekStart);
        var existing = await UpdateStore.FindUpdateAsync(connection, transaction, team.Id, draft.WeekStart, userId, lockIt: true, ct);
        var posted = InlinePreview.AsCompleted(draft.Text);
        var sections = existing is null ? posted : UpdateMerge.Add(existing.Sections, posted);
        var result = await submissions.SaveAsync(connection, transaction, team, userId, week, sections, keepNotes: false, ct);
        await InlineDrafts.DecideAsync(connection, transaction, draft.Id, InlineDraft.Posted, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return Answer(WeeklyTexts.Saved(team, week, result.Replaced, result.IsLate));
    }

    /// <summary>
    /// "Add to it" or "Replace it" on the question a second inline update of the week gets. Asked about the update's
    /// <paramref name="version"/>: if it changed since, nothing is saved and the question is asked again against what it
    /// says now (so a replace never drops what the person didn't see).
    /// </summary>
    public async Task<MessageAck> SettleAsync(string workspaceId, long draftId, int version, string userId, bool replace, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var (draft, team, refusal) = await StillOpenAsync(await InlineDrafts.LockAsync(connection, transaction, workspaceId, draftId, userId, ct), ct);
        if (draft is null || team is null)
        {
            return refusal!;
        }

        var week = TeamWeek.Containing(draft.WeekStart);
        var incoming = WeeklyUpdateParser.Parse(draft.Text);
        var existing = await UpdateStore.FindUpdateAsync(connection, transaction, team.Id, draft.WeekStart, userId, lockIt: true, ct);
        if (existing is not null && existing.Version != version)
        {
            var again = InlineQuestion.Build(week, draft.Id, existing, incoming, await updates.OpenBlockersOfUpdateAsync(existing, ct), changedMeanwhile: true);
            return again with { ReplaceOriginal = true };
        }

        var sections = existing is null || replace ? incoming : UpdateMerge.Add(existing.Sections, incoming);
        var result = await submissions.SaveAsync(connection, transaction, team, userId, week, sections, keepNotes: false, ct);
        await InlineDrafts.DecideAsync(connection, transaction, draft.Id, replace ? InlineDraft.Replaced : InlineDraft.Added, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return Answer(WeeklyTexts.Saved(team, week, result.Replaced, result.IsLate));
    }

    /// <summary>"Cancel": nothing is saved, and the message asking goes away.</summary>
    public async Task<MessageAck> CancelAsync(string workspaceId, long draftId, string userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var draft = await InlineDrafts.LockAsync(connection, transaction, workspaceId, draftId, userId, ct);
        if (draft?.Decision is { } decided and not InlineDraft.Cancelled)
        {
            return Answer(WeeklyTexts.AlreadyDecided(decided));
        }

        if (draft is { Decision: null })
        {
            await InlineDrafts.DecideAsync(connection, transaction, draft.Id, InlineDraft.Cancelled, clock.GetUtcNow(), ct);
            await transaction.CommitAsync(ct);
        }

        return SlackAck.DeleteClicked;
    }

    /// <summary>
    /// "Open in the form": the form for the draft's week, as it would open anyway, with the text added under Completed.
    /// The draft stays open (the form may be closed unsent); the preview stays too.
    /// </summary>
    public async Task<MessageAck?> OpenFormAsync(string workspaceId, long draftId, string userId, string triggerId, CancellationToken ct)
    {
        var (draft, team, refusal) = await StillOpenAsync(await drafts.FindAsync(workspaceId, draftId, userId, ct), ct);
        if (draft is null || team is null)
        {
            return refusal;
        }

        var week = TeamWeek.Containing(draft.WeekStart);
        var initial = UpdateMerge.Add(await updates.FormDraftAsync(team, userId, week.Monday, ct), InlinePreview.AsCompleted(draft.Text));
        if (initial.Completed.Length > UpdateModal.MaxSectionLength)
        {
            return SlackAck.Ephemeral(WeeklyTexts.FormTooShortForDraft);
        }

        await slack.ForWorkspace(team.WorkspaceId).Views.OpenAsync(triggerId, UpdateModal.Build(team, week, initial), ct);
        return null;
    }

    // A click acts only on a draft nobody has settled, whose team still exists; otherwise it is told which.
    private async Task<(InlineDraft? Draft, TeamChannel? Team, MessageAck? Refusal)> StillOpenAsync(InlineDraft? draft, CancellationToken ct) =>
        draft?.Decision is { } decided ? (null, null, Answer(WeeklyTexts.AlreadyDecided(decided)))
        : draft is null || await teams.FindAsync(draft.TeamChannelId, ct) is not { } team ? (null, null, Answer(WeeklyTexts.DraftGone))
        : (draft, team, null);

    private static MessageAck Answer(string text) => SlackAck.ReplaceClicked(text, [Blocks.Section(text)]);
}

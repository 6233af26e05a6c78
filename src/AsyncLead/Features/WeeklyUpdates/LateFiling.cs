using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Someone who left last week empty when it closed is asked, on their next <c>/weekly-update</c>, which week it is for:
/// last week (marked late; its summary then shows them as late, not missing) or this one. Only the most recent closed
/// week is offered, and only until this week closes too (then it is no longer the most recent), and only while this week
/// has nothing of theirs yet. The offer is read from Postgres on the ack path; an inline update waits as an
/// <see cref="InlineDraft"/> until they choose, and is settled once.
/// </summary>
public sealed class LateFiling(NpgsqlDataSource dataSource, UpdateStore updates, UpdateSubmissions submissions, InlineDrafts drafts, TeamStore teams,
    MemberDirectory directory, ISlackClient slack, TimeProvider clock)
{
    public const string LateActionId = "weekly_file_late";
    public const string ThisWeekActionId = "weekly_file_this_week";

    /// <summary>
    /// The choice to show instead of going ahead with <paramref name="week"/> (the week being written now), or null when
    /// there is nothing to offer. With <paramref name="inlineText"/> that text waits as a draft until the choice is made.
    /// </summary>
    public async Task<MessageAck?> OfferAsync(TeamChannel team, string userId, TeamWeek week, string? inlineText, CancellationToken ct)
    {
        var closed = week.Previous();
        if (!await updates.MissedClosedWeekAsync(team.Id, userId, closed.Monday, ct)
            || (await directory.KnownAsync(team.WorkspaceId, userId, ct))?.Schedule.IsAwayForWeek(closed) == true)
        {
            return null;
        }

        long? draftId = inlineText is null ? null : await drafts.AddAsync(team, userId, week.Monday, inlineText, ct);
        var text = WeeklyTexts.LateOffer(team, closed, team.Calendar.ClosesAt(closed), inline: inlineText is not null);
        return SlackAck.Ephemeral(text,
        [
            Blocks.Section(text),
            Blocks.Actions(
                new ButtonElement(LateActionId, new PlainText(WeeklyTexts.FileLate)) { Value = Value(team, closed, draftId), Style = ButtonStyle.Primary },
                new ButtonElement(ThisWeekActionId, new PlainText($"{WeeklyTexts.FileThisWeek} ({week.Name})")) { Value = Value(team, week, draftId) }),
        ]);
    }

    /// <summary>
    /// A choice was clicked (after the ack): the form for that week opens, or the waiting inline update is filed for it,
    /// and the answer replaces the offer so its buttons go.
    /// </summary>
    public async Task<MessageAck?> ChooseAsync(BlockAction action, SlackContext context, CancellationToken ct)
    {
        var parts = (action.Value ?? "").Split('|');
        long draftId = 0;
        if (parts.Length is < 2 or > 3
            || (parts.Length == 3 && !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out draftId))
            || !NudgeMessage.TryReadButtonValue($"{parts[0]}|{parts[1]}", out var teamId, out var week)
            || await teams.FindAsync(teamId, ct) is not { } team || team.WorkspaceId != context.TeamId || context.UserId is not { } userId)
        {
            return null;
        }

        if (parts.Length == 2)
        {
            if (context.TriggerId is { } triggerId)
            {
                await WeeklyUpdateCommand.OpenUpdateFormAsync(slack, updates, team, userId, week, triggerId, ct);
            }

            return null;
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var draft = await InlineDrafts.LockAsync(connection, transaction, team.WorkspaceId, draftId, userId, ct);
        if (draft?.Decision is { } decided)
        {
            return Answer(WeeklyTexts.AlreadyDecided(decided));
        }

        if (draft is null || draft.TeamChannelId != team.Id)
        {
            return Answer(WeeklyTexts.DraftGone);
        }

        // Choosing its week says it is an update: text with no label goes under Completed, as its preview would post it.
        var parsed = WeeklyUpdateParser.Parse(draft.Text, out var labelled);
        var result = await submissions.SaveAsync(connection, transaction, team, userId, week, labelled ? parsed : InlinePreview.AsCompleted(draft.Text),
            keepNotes: false, ct);
        await InlineDrafts.DecideAsync(connection, transaction, draft.Id, InlineDraft.Posted, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return Answer(WeeklyTexts.Saved(team, week, result.Replaced, result.IsLate));
    }

    private static MessageAck Answer(string text) => SlackAck.ReplaceClicked(text, [Blocks.Section(text)]);

    private static string Value(TeamChannel team, TeamWeek week, long? draftId) =>
        NudgeMessage.ButtonValue(team.Id, week) + (draftId is { } id ? string.Create(CultureInfo.InvariantCulture, $"|{id}") : "");
}

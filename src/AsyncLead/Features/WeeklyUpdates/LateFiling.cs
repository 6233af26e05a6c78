using AsyncLead.Features.Members;
using AsyncLead.Outbox;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Someone who left last week empty when it closed is asked, on their next <c>/weekly-update</c>, which week it is for:
/// last week (marked late; its summary then shows them as late, not missing) or this one. Only the most recent closed
/// week is offered, and only until this week closes too (then it is no longer the most recent), and only while this week
/// has nothing of theirs yet. The offer is read from Postgres on the ack path; an inline update waits in held_updates
/// until they choose.
/// </summary>
public sealed class LateFiling(UpdateStore updates, UpdateSubmissions submissions, TeamStore teams, MemberDirectory directory, Notices notices,
    ISlackClient slack, TimeProvider clock)
{
    public const string LateActionId = "weekly_file_late";
    public const string ThisWeekActionId = "weekly_file_this_week";
    private const string Held = "held";

    /// <summary>
    /// The choice to show instead of going ahead with <paramref name="week"/> (the week being written now), or null when
    /// there is nothing to offer. With <paramref name="inlineText"/> that text is held until the choice is made.
    /// </summary>
    public async Task<MessageAck?> OfferAsync(TeamChannel team, string userId, TeamWeek week, string? inlineText, CancellationToken ct)
    {
        var closed = week.Previous();
        if (!await updates.MissedClosedWeekAsync(team.Id, userId, closed.Monday, ct)
            || (await directory.KnownAsync(team.WorkspaceId, userId, ct))?.Schedule.IsAwayForWeek(closed) == true)
        {
            return null;
        }

        if (inlineText is not null)
        {
            await updates.HoldAsync(team.Id, userId, inlineText, clock.GetUtcNow(), ct);
        }

        var text = WeeklyTexts.LateOffer(team, closed, team.Calendar.ClosesAt(closed), inline: inlineText is not null);
        return SlackAck.Ephemeral(text,
        [
            Blocks.Section(text),
            Blocks.Actions(
                new ButtonElement(LateActionId, new PlainText(WeeklyTexts.FileLate)) { Value = Value(team, closed, inlineText), Style = ButtonStyle.Primary },
                new ButtonElement(ThisWeekActionId, new PlainText($"{WeeklyTexts.FileThisWeek} ({week.Name})")) { Value = Value(team, week, inlineText) }),
        ]);
    }

    /// <summary>A choice was clicked (after the ack): the form for that week opens, or the held update is filed for it.</summary>
    public async Task ChooseAsync(BlockAction action, SlackContext context, CancellationToken ct)
    {
        var parts = (action.Value ?? "").Split('|');
        if (parts.Length is < 2 or > 3 || (parts.Length == 3 && parts[2] != Held)
            || !NudgeMessage.TryReadButtonValue($"{parts[0]}|{parts[1]}", out var teamId, out var week)
            || await teams.FindAsync(teamId, ct) is not { } team || team.WorkspaceId != context.TeamId || context.UserId is not { } userId)
        {
            return;
        }

        if (parts.Length == 2)
        {
            if (context.TriggerId is { } triggerId)
            {
                await WeeklyUpdateCommand.OpenUpdateFormAsync(slack, updates, team, userId, week, triggerId, ct);
            }

            return;
        }

        var result = await submissions.SaveHeldAsync(team, userId, week, ct);
        await notices.TellAsync(context, result is null ? WeeklyTexts.NothingHeld : WeeklyTexts.Saved(team, week, result.Replaced, result.IsLate), ct);
    }

    private static string Value(TeamChannel team, TeamWeek week, string? inlineText) =>
        NudgeMessage.ButtonValue(team.Id, week) + (inlineText is null ? "" : "|" + Held);
}

using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Outbox;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;
using NodaTime;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// <i>Start a decision doc</i> on a week's summary, offered on a blocker written unchanged weeks running: the new-doc
/// form, posted in the blocker's team channel, its title and Problem Statement taken from the blocker. The button's
/// value is only a blocker id, so the person must be able to read that channel (a private team's blocker is its
/// members'); anyone else, like a blocker resolved since, is told privately there is nothing to start from. Once a doc
/// started from the blocker stands (open, closed or decided), a click is told privately which doc it is and opens no
/// form; a withdrawn or lapsed doc leaves the blocker free for another.
/// </summary>
public sealed class BlockerDocAction(UpdateStore updates, DecisionStore decisions, ChannelAccess channels, MemberDirectory members, PageLinks pages,
    Notices notices, ISlackClient slack, TimeProvider clock) : IBlockActionHandler
{
    public const string NotOpen = "That blocker is resolved or gone, so there is no doc to start from it. `/decision` writes one from scratch.";

    public string ActionId => WeekSummary.StartDecisionActionId;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId)
        {
            return;
        }

        var blocker = long.TryParse(action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var blockerId)
            ? await updates.FindOpenBlockerAsync(workspaceId, blockerId, ct)
            : null;
        if (blocker is null
            || !(await channels.VisibleAsync(workspaceId, payload.User.Id, payload.Channel?.Id, [blocker.ChannelId], ct)).Contains(blocker.ChannelId))
        {
            await notices.TellAsync(context, NotOpen, ct);
            return;
        }

        if (await decisions.StandingFromBlockerAsync(workspaceId, blocker.Id, ct) is { } started)
        {
            await notices.TellAsync(context, StartedAlready(started, pages.Decision(workspaceId, started.Id, payload.User.Id)), ct);
            return;
        }

        var author = (await members.GetAsync(workspaceId, blocker.UserId, ct)).DisplayName ?? blocker.UserId;
        var zone = (await members.GetAsync(workspaceId, payload.User.Id, ct)).Schedule.TimeZoneId;
        var deadline = DecisionSchedule.DefaultDeadline(clock.GetUtcNow(), zone);
        var form = DecisionModals.Doc(new DocFormTarget(blocker.ChannelId, SourceBlockerId: blocker.Id), Prefill(blocker, author, zone), deadline,
            DecisionSchedule.DefaultDecisionDate(deadline, zone));
        await slack.ForWorkspace(workspaceId).Views.OpenAsync(payload.TriggerId!, form, ct);
    }

    /// <summary>"DEC-3 *Title* was started from this blocker: link (open)", linking the doc's message, or its page until it is posted.</summary>
    public static string StartedAlready(DecisionDoc doc, Uri? page)
    {
        var link = DecisionText.Link(doc) ?? (page is null ? null : $"<{page}|Open the doc>");
        return $"{DecisionText.Name(doc)} was started from this blocker" + (link is null ? $" in <#{doc.ChannelId}>" : $": {link}")
            + $" ({DecisionText.StatusWord(doc)}).";
    }

    /// <summary>The title is the blocker on one line; the Problem Statement quotes it whole and says whose and since when.</summary>
    public static DecisionDocSections Prefill(OpenBlocker blocker, string authorName, string zone)
    {
        var oneLine = string.Join(' ', blocker.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var since = DecisionText.Day(Instant.FromDateTimeOffset(blocker.OpenedAt).InZone(TimeZoneIds.Resolve(zone)).Date.ToDateOnly());
        var quoted = string.Join('\n', blocker.Text.ReplaceLineEndings("\n").Split('\n').Select(line => "> " + line));
        var problem = $"{authorName} has written this blocker in their weekly updates, unchanged, week after week (open since {since}):\n\n{quoted}\n\n"
            + "What do we need to decide to unblock it?";
        return new DecisionDocSections(BlockKitLimits.Truncate(oneLine, DecisionModals.TitleMaxLength),
            BlockKitLimits.Truncate(problem, DecisionModals.SectionMaxLength), "", "", "", "");
    }
}

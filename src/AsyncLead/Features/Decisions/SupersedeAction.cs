using AsyncLead.Features.Members;
using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// <i>Supersede</i> on a recorded decision: opens the new-doc form linked to it, to be posted in the same channel. Anyone
/// who can read the record may propose its replacement; the new doc goes through its own review.
/// </summary>
public sealed class SupersedeAction(DecisionStore store, DecisionAccess access, MemberDirectory members, Notices notices, ISlackClient slack, TimeProvider clock)
    : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Supersede;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || await store.FindAsync(workspaceId, DecisionMessage.IdFrom(action.Value), ct) is not { } doc
            || !await access.CanReadAsync(workspaceId, payload.User.Id, payload.Channel?.Id, doc, ct))
        {
            return;
        }

        if (DecisionText.NotSupersedable(doc) is { } refusal)
        {
            await notices.TellAsync(context, refusal, ct);
            return;
        }

        var zone = (await members.GetAsync(workspaceId, payload.User.Id, ct)).Schedule.TimeZoneId;
        var deadline = DecisionSchedule.DefaultDeadline(clock.GetUtcNow(), zone);
        var form = DecisionModals.Doc(new DocFormTarget(doc.ChannelId, doc.ShortId), DecisionCommand.Prefill(""), deadline,
            DecisionSchedule.DefaultDecisionDate(deadline, zone));
        await slack.ForWorkspace(workspaceId).Views.OpenAsync(payload.TriggerId!, form, ct);
    }
}

using System.Text.Json;
using AsyncLead.Features.Members;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Picking reviewers in a new doc's form: while the deadline is still the default one, it becomes the default for
/// these reviewers (the next Thursday when this one leaves any of them under two working days), and the form says why.
/// </summary>
public sealed class ReviewersPicked(MemberDirectory members, ISlackClient slack, TimeProvider clock) : IBlockActionHandler
{
    public string ActionId => DecisionModals.ReviewersAction;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (payload.View is not { CallbackId: DecisionModals.DocCallback, PrivateMetadata: { } metadata } view || context.TeamId is not { } workspaceId)
        {
            return;
        }

        // A deadline the author chose stays theirs.
        var shown = InitialDeadline(view.Blocks);
        var form = DocForm.Read(view.State, payload.User.Id);
        if (shown is null || (form.Deadline is { } picked && picked.ToUnixTimeSeconds() != shown))
        {
            return;
        }

        var zone = (await members.GetAsync(workspaceId, payload.User.Id, ct)).Schedule.TimeZoneId;
        var reviewers = (action.SelectedUsers ?? []).Where(id => id != payload.User.Id).Distinct().ToList();
        var schedules = new List<(string, MemberSchedule)>();
        foreach (var reviewer in reviewers)
        {
            schedules.Add((reviewer, (await members.GetAsync(workspaceId, reviewer, ct)).Schedule));
        }

        var (deadline, movedFor) = DecisionSchedule.DefaultDeadline(clock.GetUtcNow(), zone, schedules);
        var updated = DecisionModals.Doc(DocFormTarget.Parse(metadata), form.Sections, deadline, DecisionSchedule.DefaultDecisionDate(deadline, zone), reviewers, form.Quorum,
            movedFor.Count > 0 ? DecisionText.DeadlineMoved(movedFor) : null);
        await slack.ForWorkspace(workspaceId).Views.UpdateAsync(view.Id, updated, cancellationToken: ct);
    }

    // What the form showed as the deadline, read from the view Slack sent back.
    private static long? InitialDeadline(JsonElement blocks)
    {
        if (blocks.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var block in blocks.EnumerateArray())
        {
            if (block.TryGetProperty("block_id", out var id) && id.ValueEquals(DecisionModals.Deadline)
                && block.TryGetProperty("element", out var element) && element.TryGetProperty("initial_date_time", out var initial)
                && initial.TryGetInt64(out var seconds))
            {
                return seconds;
            }
        }

        return null;
    }
}

using AsyncLead.Features.Members;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// The doc form's submit: validate into field errors (nothing saved), else save and enqueue the post. A form started
/// from a blocker that has a standing doc by now (someone else's, submitted first) keeps the modal and says which.
/// </summary>
public sealed class DocSubmission(DecisionStore store, MemberDirectory members, TimeProvider clock) : IViewSubmissionHandler
{
    public const string ZoneNotKnownYet = "I don't know your Slack time zone yet, so nothing was posted. I'm asking Slack now: submit again in a moment.";

    public string CallbackId => DecisionModals.DocCallback;

    /// <summary>A modal error is plain text, so it names the doc and where to find it rather than linking it.</summary>
    public static string BlockerTaken(DecisionDoc? standing) =>
        (standing is null ? "Another doc was" : $"{standing.ShortId} (“{standing.Title}”, {DecisionText.StatusWord(standing)}) was")
        + " started from this blocker while this form was open, so nothing was posted. Review that doc in the team's channel instead.";

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var authorId = submission.User.Id;
        var form = DocForm.Read(submission.View.State, authorId);
        if (form is { Deadline: { } deadline, DecisionDate: { } decisionDate })
        {
            form.Add(DecisionSchedule.Validate(deadline, decisionDate, clock.GetUtcNow()));
        }

        if (form.Errors.Count > 0)
        {
            return SlackAck.ViewErrors(form.Errors);
        }

        var teamId = context.TeamId!;
        // The author as stored (opening the form learned their zone); without it nothing is saved and Slack is asked
        // after the ack, so the same submit works a moment later with everything typed still in the form.
        if (await members.KnownAsync(teamId, authorId, ct) is not { } author)
        {
            return SlackAck.AckThen(SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = ZoneNotKnownYet }), async followUpCt =>
            {
                await members.GetAsync(teamId, authorId, followUpCt);
                return null;
            });
        }

        var target = DocFormTarget.Parse(submission.View.PrivateMetadata ?? "");
        // The replaced decision is checked again: it may have been superseded while this form was open.
        if (target.Supersedes is { } old)
        {
            var replaced = await store.FindAsync(teamId, old, ct);
            if ((replaced is null ? $"{old} is gone, so this doc can't supersede it." : DecisionText.NotSupersedable(replaced)) is { } refusal)
            {
                return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = refusal });
            }
        }

        var created = await store.CreateAsync(new NewDecision(
            teamId, target.ChannelId, authorId, author.Schedule.TimeZoneId, form.Sections, form.Reviewers, form.Deadline!.Value, form.DecisionDate!.Value, form.Quorum,
            target.Supersedes, target.SourceBlockerId), ct);
        if (created is null)
        {
            var standing = await store.StandingFromBlockerAsync(teamId, target.SourceBlockerId!.Value, ct);
            return SlackAck.ViewErrors(new Dictionary<string, string> { [DecisionModals.Title] = BlockerTaken(standing) });
        }

        return SlackAck.Empty;
    }
}

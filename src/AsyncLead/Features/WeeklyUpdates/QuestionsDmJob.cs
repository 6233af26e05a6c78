using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// One DM listing the questions put to a writer in weekly threads since their last one (each quoted, escaped, with a
/// link to it), inside their working hours and outside focus blocks in their zone: a DM due outside them waits for
/// their next allowed minute. Questions they answered meanwhile are left out; posted once however often the job runs.
/// </summary>
public sealed class QuestionsDmJob(ThreadQuestions questions, MemberDirectory directory, ISlackClient slack, SlackPoster poster, TimeProvider clock)
    : IJobHandler
{
    public const string JobKind = "weekly.questions";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        var pending = await questions.UntoldAsync(payload.WorkspaceId, payload.UserId, cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var member = await directory.GetAsync(payload.WorkspaceId, payload.UserId, cancellationToken);
        if (!member.Schedule.IsAllowed(now) && member.Schedule.NextAllowedInstant(now) is { } later)
        {
            throw new RetryJobLaterException(later - now, "outside the member's working hours or inside a focus block");
        }

        var api = slack.ForWorkspace(payload.WorkspaceId);
        var lines = new List<string>();
        foreach (var question in pending)
        {
            var link = await api.Chat.GetPermalinkAsync(question.ChannelId, question.MessageTs, cancellationToken);
            lines.Add($"• <@{question.AskerUserId}> in <#{question.ChannelId}> ({TeamWeek.Containing(question.WeekStart).Name}): " +
                $"“{MrkdwnEscaping.Escape(question.Text)}” · <{link}|reply in the thread>");
        }

        var heading = pending.Count == 1
            ? "💬 Someone asked about your weekly update:"
            : string.Create(CultureInfo.InvariantCulture, $"💬 {pending.Count} questions about your weekly update:");
        var blocks = new List<Block> { Blocks.Section(heading) };
        blocks.AddRange(lines.Select(line => Blocks.Section(line)));
        blocks.Add(Blocks.Context("Answer in the thread: your reply there counts as the answer."));
        await poster.PostOnceAsync(api, $"questions:{payload.WorkspaceId}:{payload.UserId}:{pending[^1].Id}",
            new PostMessageRequest(payload.UserId, heading) { Blocks = blocks }, cancellationToken);
        await questions.MarkToldAsync([.. pending.Select(q => q.Id)], clock.GetUtcNow(), cancellationToken);
    }

    public sealed record Payload(string WorkspaceId, string UserId);
}

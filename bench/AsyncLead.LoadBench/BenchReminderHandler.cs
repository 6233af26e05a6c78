using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.LoadBench;

/// <summary>A reminder-shaped job: one chat.postMessage to a person or channel, through the real client and queue.</summary>
public sealed class BenchReminderHandler(ISlackClient slack) : IJobHandler
{
    public const string JobKind = "bench.reminder";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var reminder = job.Payload<BenchReminder>();
        await slack.ForWorkspace(BenchHost.TeamId).Chat.PostMessageAsync(
            new PostMessageRequest(reminder.Target, $"Reminder #{reminder.Sequence}: this week's update is still open."), cancellationToken);
    }
}

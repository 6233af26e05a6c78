using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;

namespace AsyncLead.Outbox;

/// <summary>Private answers to a click or command that changed nothing to commit with: each is a <see cref="Notice"/> job of its own.</summary>
public sealed class Notices(JobQueue queue)
{
    public async Task TellAsync(SlackContext context, string text, CancellationToken ct) =>
        await queue.EnqueueAsync(Notice.Answering(context, text).Request(), ct);
}

using AsyncLead.Outbox;
using AsyncLead.Jobs;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Home;

/// <summary>Publishes a person's Home tab as things stand when the job runs, so one run covers every change before it.</summary>
public sealed class PublishHomeJob(HomeReader reader, ISlackClient slack, TimeProvider clock) : IJobHandler
{
    public string Kind => HomeRefresh.JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<HomeRefresh.Payload>();
        try
        {
            var home = await reader.ReadAsync(payload.WorkspaceId, payload.UserId, cancellationToken);
            await slack.ForWorkspace(payload.WorkspaceId).Views.PublishAsync(payload.UserId, HomeTab.Build(home, clock.GetUtcNow()), cancellationToken: cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
        {
            // Gone from the workspace: there is no Home tab left to show, and retrying won't bring one back.
        }
    }
}

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// Sees the context of every routed request before its handler runs (for example, to learn which workspaces an
/// org-wide install acts in). A failing observer is logged and the handler still runs.
/// </summary>
public interface ISlackRequestObserver
{
    Task ObserveAsync(SlackContext context, CancellationToken cancellationToken);
}

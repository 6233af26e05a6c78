using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

internal sealed class ViewsApi(SlackCaller slack) : IViewsApi
{
    public Task<ViewHandle> OpenAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default) =>
        SendAsync("views.open", new ViewRequest(BlockKitLimits.FitView(view)) { TriggerId = triggerId }, cancellationToken);

    public Task<ViewHandle> PushAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default) =>
        SendAsync("views.push", new ViewRequest(BlockKitLimits.FitView(view)) { TriggerId = triggerId }, cancellationToken);

    public Task<ViewHandle> UpdateAsync(string viewId, ModalView view, string? hash = null, CancellationToken cancellationToken = default) =>
        SendAsync("views.update", new ViewRequest(BlockKitLimits.FitView(view)) { ViewId = viewId, Hash = hash }, cancellationToken);

    public Task<ViewHandle> UpdateByExternalIdAsync(string externalId, ModalView view, string? hash = null, CancellationToken cancellationToken = default) =>
        SendAsync("views.update", new ViewRequest(BlockKitLimits.FitView(view)) { ExternalId = externalId, Hash = hash }, cancellationToken);

    public Task<ViewHandle> PublishAsync(string userId, HomeView view, string? hash = null, CancellationToken cancellationToken = default) =>
        SendAsync("views.publish", new ViewRequest(BlockKitLimits.FitView(view)) { UserId = userId, Hash = hash }, cancellationToken);

    private async Task<ViewHandle> SendAsync(string method, ViewRequest request, CancellationToken cancellationToken) =>
        (await slack.JsonAsync<ViewAnswer>(method, request, cancellationToken)).View;

    private sealed record ViewRequest(View View)
    {
        public string? TriggerId { get; init; }

        public string? ViewId { get; init; }

        public string? ExternalId { get; init; }

        public string? UserId { get; init; }

        public string? Hash { get; init; }
    }

    private sealed record ViewAnswer(ViewHandle View);
}

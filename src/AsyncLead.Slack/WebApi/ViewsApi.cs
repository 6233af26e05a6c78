using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.WebApi;

/// <summary>views.*: modals and the App Home tab. Views are fitted to Slack's limits on the way out.</summary>
public interface IViewsApi
{
    /// <summary>Opens a modal; <paramref name="triggerId"/> is single use and expires 3 s after the interaction.</summary>
    Task<ViewHandle> OpenAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default);

    /// <summary>Pushes a modal onto the open stack.</summary>
    Task<ViewHandle> PushAsync(string triggerId, ModalView view, CancellationToken cancellationToken = default);

    /// <summary>Replaces an open modal. With <paramref name="hash"/>, Slack refuses (<c>hash_conflict</c>) if it changed meanwhile.</summary>
    Task<ViewHandle> UpdateAsync(string viewId, ModalView view, string? hash = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces an open modal found by the <see cref="View.ExternalId"/> we gave it.</summary>
    Task<ViewHandle> UpdateByExternalIdAsync(string externalId, ModalView view, string? hash = null, CancellationToken cancellationToken = default);

    /// <summary>Publishes a person's Home tab; pass the hash from <c>app_home_opened</c> to avoid overwriting a newer one.</summary>
    Task<ViewHandle> PublishAsync(string userId, HomeView view, string? hash = null, CancellationToken cancellationToken = default);
}

/// <summary>The view as Slack stored it: its id and the hash that guards the next update.</summary>
public sealed record ViewHandle(string Id, string Hash)
{
    public string? ExternalId { get; init; }
}

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

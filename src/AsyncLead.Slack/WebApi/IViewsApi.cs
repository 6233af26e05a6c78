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

namespace AsyncLead.Features.Members;

/// <summary>
/// Which bot scopes a workspace's install granted (an installer may leave optional ones out): asked before a call
/// that needs one, so a scope the app lacks is never tried. Install keeps the installs and answers.
/// </summary>
public interface IGrantedScopes
{
    /// <summary>True when the workspace's bot token has <paramref name="scope"/>; false when it hasn't or that can't be known.</summary>
    ValueTask<bool> HasAsync(string workspaceId, string scope, CancellationToken cancellationToken);
}

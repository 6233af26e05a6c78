using System.Net.Http.Headers;

namespace AsyncLead.Slack.WebApi;

/// <summary>auth.test: which workspace, bot and user a token belongs to (and whether it still works).</summary>
public interface IAuthApi
{
    Task<AuthIdentity> TestAsync(CancellationToken cancellationToken = default);
}

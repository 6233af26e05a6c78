using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

/// <summary>users.*: who someone is and, above all, their time zone.</summary>
public interface IUsersApi
{
    Task<SlackUser> InfoAsync(string userId, CancellationToken cancellationToken = default);
}

using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.WebApi;

internal sealed class UsersApi(SlackCaller slack) : IUsersApi
{
    public async Task<SlackUser> InfoAsync(string userId, CancellationToken cancellationToken = default) =>
        (await slack.FormAsync<UserAnswer>("users.info", cancellationToken, ("user", userId))).User;

    private sealed record UserAnswer(SlackUser User);
}

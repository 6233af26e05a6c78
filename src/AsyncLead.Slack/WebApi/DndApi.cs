namespace AsyncLead.Slack.WebApi;

internal sealed class DndApi(SlackCaller slack) : IDndApi
{
    public async Task<IReadOnlyDictionary<string, DndStatus>> TeamInfoAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(userIds.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(userIds.Count, IDndApi.MaxUsersPerCall);
        var answer = await slack.FormAsync<TeamInfoAnswer>("dnd.teamInfo", cancellationToken, ("users", string.Join(',', userIds)));
        return answer.Users ?? new Dictionary<string, DndStatus>(StringComparer.Ordinal);
    }

    private sealed record TeamInfoAnswer(Dictionary<string, DndStatus>? Users);
}

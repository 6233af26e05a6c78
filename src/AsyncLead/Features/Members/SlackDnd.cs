using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Members;

/// <summary>
/// People's Slack do-not-disturb windows, learnt off the ack path (when a prompt plans the week's nudges, and again when
/// a nudge is about to go out and what we know is an hour old or its window is over) and stored with the member, so
/// every schedule placed from <see cref="MemberDirectory"/> keeps out of them. Only where the install granted
/// <c>dnd:read</c>: without it Slack is never asked, and nudges go by working hours and focus blocks alone. A Slack
/// that fails to answer leaves what was known as it was.
/// </summary>
public sealed partial class SlackDnd(ISlackClient slack, IGrantedScopes scopes, MemberDirectory directory, TimeProvider clock, ILogger<SlackDnd> logger)
{
    public const string Scope = "dnd:read";

    /// <summary>How long a DND window Slack told us stays good: people change their schedule, and Slack names one window at a time.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromHours(1);

    /// <summary>
    /// Asks Slack (dnd.teamInfo, 50 people a call) for these people's DND windows and stores them; returns what Slack
    /// said, by person (null: DND off). Empty when the app can't read DND there, and Slack is not asked.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DndWindow?>> RefreshAsync(string workspaceId, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var learnt = new Dictionary<string, DndWindow?>(StringComparer.Ordinal);
        if (userIds.Count == 0 || !await scopes.HasAsync(workspaceId, Scope, ct))
        {
            return learnt;
        }

        var api = slack.ForWorkspace(workspaceId);
        foreach (var batch in userIds.Distinct(StringComparer.Ordinal).Chunk(IDndApi.MaxUsersPerCall))
        {
            try
            {
                var windows = new Dictionary<string, DndWindow?>(StringComparer.Ordinal);
                foreach (var (userId, status) in await api.Dnd.TeamInfoAsync(batch, ct))
                {
                    windows[userId] = status.Window is { } window ? new DndWindow(window.Start, window.End) : null;
                }

                await directory.RecordDndAsync(workspaceId, windows, clock.GetUtcNow(), ct);
                foreach (var (userId, window) in windows)
                {
                    learnt[userId] = window;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // missing_scope after a change of the install, an unknown user, Slack down: nudges go by what was known.
                LogDndUnread(workspaceId, ex is SlackApiException slackError ? slackError.Error : ex.Message);
            }
        }

        return learnt;
    }

    /// <summary>These people with the DND windows Slack just named (where the app can read DND), asked in batches.</summary>
    public async Task<IReadOnlyList<MemberProfile>> FreshAsync(string workspaceId, IReadOnlyList<MemberProfile> members, CancellationToken ct)
    {
        var learnt = await RefreshAsync(workspaceId, [.. members.Select(member => member.UserId)], ct);
        return learnt.Count == 0 ? members : [.. members.Select(member => With(member, learnt))];
    }

    /// <summary>The member with a DND window that is fresh (asked again when older than <see cref="FreshFor"/> or already over).</summary>
    public async Task<MemberProfile> FreshAsync(MemberProfile member, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stale = member.DndFetchedAt is not { } fetched || now - fetched >= FreshFor || member.Schedule.Dnd.Any(window => window.End <= now);
        return stale ? With(member, await RefreshAsync(member.WorkspaceId, [member.UserId], ct)) : member;
    }

    private MemberProfile With(MemberProfile member, IReadOnlyDictionary<string, DndWindow?> learnt) =>
        learnt.TryGetValue(member.UserId, out var window)
            ? member with { Schedule = member.Schedule.WithDnd(window is null ? [] : [window]), DndFetchedAt = clock.GetUtcNow() }
            : member;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read Slack do-not-disturb in workspace {WorkspaceId} ({Error}); nudges keep to what was known")]
    private partial void LogDndUnread(string workspaceId, string error);
}

using AsyncLead.Outbox;
using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// Brings a week's thread in Slack up to date: its root, one member's reply, or the closing summary. Runs in the
/// week's queue, one at a time. Every message carries our id in its metadata and its ts is stored the moment Slack
/// returns it; a retry that finds no stored ts first looks for its own message, so nothing is ever posted twice, and
/// an edited update edits its reply instead of posting another.
/// </summary>
public sealed class ThreadPostJob(UpdateStore updates, TeamStore teams, MemberDirectory directory, WeekAttendance attendance, BotChannelMembership membership,
    JobQueue queue, ISlackClient slack, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.thread";
    public const string RootEvent = "asynclead_week_root";
    public const string UpdateEvent = "asynclead_weekly_update";
    public const string SummaryEvent = "asynclead_week_summary";

    // Bot removed from the channel: look again later; the update stays saved and is posted once someone invites us back.
    private static readonly TimeSpan NotInChannelRetry = TimeSpan.FromMinutes(15);

    public enum What
    {
        Root,

        /// <summary>Posts or edits a reply when its update changed.</summary>
        Update,

        /// <summary>Edits a reply whose blockers changed (one was resolved), though the update did not.</summary>
        Refresh,
        Summary,
    }

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var payload = job.Payload<Payload>();
        if (await updates.FindWeekAsync(payload.WeekId, cancellationToken) is not { } week
            || await teams.FindAsync(week.TeamChannelId, cancellationToken) is not { } team)
        {
            return;
        }

        var api = slack.ForWorkspace(team.WorkspaceId);
        try
        {
            var rootTs = await EnsureRootAsync(api, team, week, cancellationToken);
            switch (payload.What)
            {
                case What.Update or What.Refresh when payload.UpdateId is { } updateId:
                    await PostUpdateAsync(api, team, rootTs, updateId, payload.What == What.Refresh, cancellationToken);
                    break;
                case What.Summary:
                    await PostSummaryAsync(api, team, week, rootTs, cancellationToken);
                    break;
            }
        }
        catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found" or "is_archived")
        {
            await membership.RecordAsync(team.WorkspaceId, team.ChannelId, isMember: false, cancellationToken);
            if (payload.UpdateId is { } updateId
                && await updates.FindUpdateAsync(updateId, cancellationToken) is { AuthorToldAt: null } update)
            {
                await api.Chat.PostMessageAsync(new PostMessageRequest(update.UserId, WeeklyTexts.NotInChannel(team.ChannelName)), cancellationToken);
                await updates.MarkAuthorToldAsync(updateId, clock.GetUtcNow(), cancellationToken);
            }

            throw new RetryJobLaterException(NotInChannelRetry, $"the bot can't post in {team.ChannelId} ({ex.Error})");
        }
    }

    private async Task<string> EnsureRootAsync(ISlackApi api, TeamChannel team, UpdateWeek week, CancellationToken ct)
    {
        if (week.RootTs is { } stored)
        {
            return stored;
        }

        var teamWeek = TeamWeek.Containing(week.WeekStart);
        var metadata = Metadata(RootEvent, "week_id", week.Id);
        // Slack keeps what we posted even when we died before storing its ts: look for it before posting again.
        var oldest = (team.Calendar.PromptAt(teamWeek.Previous()).ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var found = await api.Conversations.HistoryAsync(team.ChannelId, oldest, includeAllMetadata: true, ct)
            .FirstOrDefaultAsync(m => IsOurs(m, metadata), ct);
        var ts = found?.Ts;
        if (ts is null)
        {
            var root = WeeklyTexts.Root(teamWeek, team.Calendar.ClosesAt(teamWeek));
            ts = (await api.Chat.PostMessageAsync(new PostMessageRequest(team.ChannelId, root.Text) { Blocks = root.Blocks, Metadata = metadata }, ct)).Ts;
        }

        await updates.SetRootTsAsync(week.Id, ts, ct);
        return ts;
    }

    private async Task PostUpdateAsync(ISlackApi api, TeamChannel team, string rootTs, long updateId, bool refresh, CancellationToken ct)
    {
        if (await updates.FindUpdateAsync(updateId, ct) is not { } update || (update.PostedVersion >= update.Version && !refresh))
        {
            return;
        }

        var author = await directory.GetAsync(team.WorkspaceId, update.UserId, ct);
        var blockers = await updates.BlockersOfUpdateAsync(update, ct);
        var message = UpdateMessage.Render(author.DisplayName ?? update.UserId, update.Sections, update.IsLate, blockers);
        var metadata = Metadata(UpdateEvent, "update_id", update.Id);
        var ts = update.MessageTs ?? await FindReplyAsync(api, team.ChannelId, rootTs, metadata, ct);
        if (ts is null)
        {
            var posted = await api.Chat.PostMessageAsync(
                new PostMessageRequest(team.ChannelId, message.Text) { Blocks = message.Blocks, ThreadTs = rootTs, Metadata = metadata }, ct);
            await updates.SetMessageTsAsync(update.Id, posted.Ts, ct);
        }
        else
        {
            if (update.MessageTs is null)
            {
                await updates.SetMessageTsAsync(update.Id, ts, ct);
            }

            await api.Chat.UpdateAsync(new UpdateMessageRequest(team.ChannelId, ts, message.Text) { Blocks = message.Blocks, Metadata = metadata }, ct);
        }

        await updates.MarkPostedAsync(update.Id, update.Version, ct);
        // The lead's tab counts every writer: refreshed from here, where a week's posts run one at a time, rather than in
        // each submission's transaction, where concurrent writers would queue behind the lead's one pending refresh.
        await HomeRefresh.EnqueueAsync(queue, team.WorkspaceId, [team.LeadUserId], ct);
    }

    private async Task PostSummaryAsync(ISlackApi api, TeamChannel team, UpdateWeek week, string rootTs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var teamWeek = TeamWeek.Containing(week.WeekStart);
        var roll = await attendance.ForWeekAsync(team, teamWeek, ct);
        var wrote = await NamesAsync(team, roll.Writers, ct);
        var away = await NamesAsync(team, roll.Away, ct);
        var missing = await NamesAsync(team, roll.Missing, ct);

        var blockers = new List<SummaryBlocker>();
        foreach (var blocker in await updates.BlockersForSummaryAsync(team.Id, week.Id, ct))
        {
            var link = blocker.MessageTs is { } messageTs ? await api.Chat.GetPermalinkAsync(team.ChannelId, messageTs, ct) : null;
            var resolvedBy = blocker.ResolvedBy is { } by ? await NameAsync(team, by, ct) : null;
            blockers.Add(new SummaryBlocker(blocker.Id, blocker.Text, await NameAsync(team, blocker.UserId, ct), link, blocker.OpenedAt, resolvedBy));
        }

        var summary = WeekSummary.Render(teamWeek.Name, wrote, away, missing, blockers, now);
        var metadata = Metadata(SummaryEvent, "week_id", week.Id);
        var ts = week.SummaryTs ?? await FindReplyAsync(api, team.ChannelId, rootTs, metadata, ct);
        if (ts is null)
        {
            var posted = await api.Chat.PostMessageAsync(
                new PostMessageRequest(team.ChannelId, summary.Text) { Blocks = summary.Blocks, ThreadTs = rootTs, Metadata = metadata }, ct);
            await updates.SetSummaryTsAsync(week.Id, posted.Ts, ct);
            return;
        }

        if (week.SummaryTs is null)
        {
            await updates.SetSummaryTsAsync(week.Id, ts, ct);
        }

        await api.Chat.UpdateAsync(new UpdateMessageRequest(team.ChannelId, ts, summary.Text) { Blocks = summary.Blocks, Metadata = metadata }, ct);
    }

    private async Task<string> NameAsync(TeamChannel team, string userId, CancellationToken ct) =>
        (await directory.GetAsync(team.WorkspaceId, userId, ct)).DisplayName ?? userId;

    private async Task<IReadOnlyList<string>> NamesAsync(TeamChannel team, IEnumerable<string> userIds, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var userId in userIds)
        {
            names.Add(await NameAsync(team, userId, ct));
        }

        return names;
    }

    private static async Task<string?> FindReplyAsync(ISlackApi api, string channel, string rootTs, MessageMetadata metadata, CancellationToken ct) =>
        (await api.Conversations.RepliesAsync(channel, rootTs, includeAllMetadata: true, cancellationToken: ct).FirstOrDefaultAsync(m => IsOurs(m, metadata), ct))?.Ts;

    private static MessageMetadata Metadata(string eventType, string idName, long id) =>
        new(eventType, new JsonObject { [idName] = id.ToString(CultureInfo.InvariantCulture) });

    private static bool IsOurs(SlackMessage message, MessageMetadata metadata) =>
        message.Metadata?.EventType == metadata.EventType
        && metadata.EventPayload.All(pair => message.Metadata.EventPayload?[pair.Key]?.ToString() == pair.Value?.ToString());

    public sealed record Payload(long WeekId, What What, long? UpdateId);
}

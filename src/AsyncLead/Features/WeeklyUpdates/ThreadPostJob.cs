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
/// week's queue, one at a time. Every post goes through <see cref="SlackPoster"/> (exactly once per key, however often
/// the job runs), and an edited update edits its reply instead of posting another.
/// </summary>
public sealed class ThreadPostJob(UpdateStore updates, TeamStore teams, MemberDirectory directory, WeekAttendance attendance, WeekChangesReader changes,
    BotChannelMembership membership, TeamPause pause, JobQueue queue, ISlackClient slack, SlackPoster poster, TimeProvider clock) : IJobHandler
{
    public const string JobKind = "weekly.thread";
    public const string RootEvent = "asynclead_week_root";
    public const string UpdateEvent = "asynclead_weekly_update";
    public const string SummaryEvent = "asynclead_week_summary";

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
        catch (SlackApiException ex) when (ex.IsChannelGone())
        {
            await membership.RecordAsync(team.WorkspaceId, team.ChannelId, isMember: false, cancellationToken);
            if (payload.UpdateId is { } updateId
                && await updates.FindUpdateAsync(updateId, cancellationToken) is { AuthorToldAt: null } update)
            {
                await poster.PostOnceAsync(api, $"update-not-posted:{updateId}",
                    new PostMessageRequest(update.UserId, WeeklyTexts.NotInChannel(team.ChannelId)), cancellationToken);
                await updates.MarkAuthorToldAsync(updateId, clock.GetUtcNow(), cancellationToken);
            }

            // The team pauses; the post tries again for a while (someone may invite the bot back), then stops.
            if (await pause.ChannelGoneAsync(team, ex.Error, cancellationToken) is { } retryIn)
            {
                throw new RetryJobLaterException(retryIn, $"the bot can't post in {team.ChannelId} ({ex.Error})");
            }
        }
    }

    private async Task<string> EnsureRootAsync(ISlackApi api, TeamChannel team, UpdateWeek week, CancellationToken ct)
    {
        if (week.RootTs is { } stored)
        {
            return stored;
        }

        var teamWeek = TeamWeek.Containing(week.WeekStart);
        var root = WeeklyTexts.Root(teamWeek, team.Calendar.ClosesAt(teamWeek));
        var posted = await poster.PostOnceAsync(api, $"week-root:{week.Id}",
            new PostMessageRequest(team.ChannelId, root.Text) { Blocks = root.Blocks, Metadata = Metadata(RootEvent, "week_id", week.Id) }, ct);
        await updates.SetRootTsAsync(week.Id, posted.Ts, ct);
        return posted.Ts;
    }

    private async Task PostUpdateAsync(ISlackApi api, TeamChannel team, string rootTs, long updateId, bool refresh, CancellationToken ct)
    {
        if (await updates.FindUpdateAsync(updateId, ct) is not { } update || (update.PostedVersion >= update.Version && !refresh))
        {
            return;
        }

        var author = await directory.GetAsync(team.WorkspaceId, update.UserId, ct);
        var blockers = await updates.BlockersOfUpdateAsync(update, ct);
        var message = UpdateMessage.Render(author.DisplayName ?? update.UserId, update.Sections, update.IsLate, blockers, update.UserId);
        var metadata = Metadata(UpdateEvent, "update_id", update.Id);
        var ts = update.MessageTs;
        var edit = ts is not null;
        if (ts is null)
        {
            var posted = await poster.PostOnceAsync(api, $"update:{update.Id}",
                new PostMessageRequest(team.ChannelId, message.Text) { Blocks = message.Blocks, ThreadTs = rootTs, Metadata = metadata }, ct);
            await updates.SetMessageTsAsync(update.Id, posted.Ts, ct);
            (ts, edit) = (posted.Ts, posted.Earlier);
        }

        if (edit)
        {
            // Keeps the key in the metadata: chat.update replaces the metadata it is given.
            await api.Chat.UpdateAsync(new UpdateMessageRequest(team.ChannelId, ts, message.Text)
                { Blocks = message.Blocks, Metadata = SlackPoster.Keyed(metadata, $"update:{update.Id}") }, ct);
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
        var wrote = await NamesAsync(team, roll.Updates.Where(u => !u.IsLate).Select(u => u.UserId), ct);
        var late = await NamesAsync(team, roll.Updates.Where(u => u.IsLate).Select(u => u.UserId), ct);
        var away = await NamesAsync(team, roll.Away, ct);
        var missing = await NamesAsync(team, roll.Missing, ct);

        var stored = await updates.BlockersForSummaryAsync(team.Id, week.Id, ct);
        var changed = await changes.ForWeekAsync(team.Id, week.WeekStart, roll.Updates, stored, ct);
        var blockers = new List<SummaryBlocker>();
        foreach (var blocker in stored)
        {
            var link = blocker.MessageTs is { } messageTs ? await api.Chat.GetPermalinkAsync(team.ChannelId, messageTs, ct) : null;
            var resolvedBy = blocker.ResolvedBy is { } by ? await NameAsync(team, by, ct) : null;
            blockers.Add(new SummaryBlocker(blocker.Id, blocker.Text, await NameAsync(team, blocker.UserId, ct), link, blocker.OpenedAt, resolvedBy,
                changed.WeeksBlocked(blocker.Id)));
        }

        var planners = await NamesAsync(team, changed.Plans.Select(p => p.UserId), ct);
        var plans = changed.Plans.Select((plan, i) => (planners[i], plan.Line)).ToList();
        var summary = WeekSummary.Render(teamWeek.Name, wrote, away, missing, blockers, now, plans, late);
        var metadata = Metadata(SummaryEvent, "week_id", week.Id);
        var key = $"week-summary:{week.Id}";
        var ts = week.SummaryTs;
        if (ts is null)
        {
            var posted = await poster.PostOnceAsync(api, key,
                new PostMessageRequest(team.ChannelId, summary.Text) { Blocks = summary.Blocks, ThreadTs = rootTs, Metadata = metadata }, ct);
            await updates.SetSummaryTsAsync(week.Id, posted.Ts, ct);
            if (!posted.Earlier)
            {
                return;
            }

            ts = posted.Ts;
        }

        await api.Chat.UpdateAsync(new UpdateMessageRequest(team.ChannelId, ts, summary.Text) { Blocks = summary.Blocks, Metadata = SlackPoster.Keyed(metadata, key) }, ct);
    }

    private async Task<string> NameAsync(TeamChannel team, string userId, CancellationToken ct) =>
        (await directory.GetAsync(team.WorkspaceId, userId, ct)).DisplayName ?? userId;

    private async Task<IReadOnlyList<string>> NamesAsync(TeamChannel team, IEnumerable<string> people, CancellationToken ct)
    {
        var userIds = people.ToList();
        var profiles = await directory.GetManyAsync(team.WorkspaceId, userIds, ct);
        return [.. userIds.Select(id => profiles.TryGetValue(id, out var profile) ? profile.DisplayName ?? id : id)];
    }

    private static MessageMetadata Metadata(string eventType, string idName, long id) =>
        new(eventType, new JsonObject { [idName] = id.ToString(CultureInfo.InvariantCulture) });

    public sealed record Payload(long WeekId, What What, long? UpdateId);
}

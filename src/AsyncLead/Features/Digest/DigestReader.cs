using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;

namespace AsyncLead.Features.Digest;

/// <summary>
/// Gathers one team's digest for one recipient: the reported week's roll, the blockers, the channel's decisions and
/// the late updates, with names and Slack permalinks resolved. It runs in the send job, never on an ack path; links
/// are fetched only for the items the message shows.
/// </summary>
public sealed class DigestReader(
    WeekAttendance attendance, WeekChangesReader changes, UpdateStore updates, DecisionStore decisions, PlannedItemStore planned, MemberDirectory directory, PageLinks links)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>How far back a decision with follow-ups is looked at for "not started".</summary>
    public static readonly TimeSpan NotStartedWindow = TimeSpan.FromDays(8 * 7);

    public async Task<DigestContent> ReadAsync(ISlackApi api, TeamChannel team, TeamWeek week, string recipientId, DateTimeOffset since,
        DateTimeOffset now, CancellationToken ct)
    {
        var names = new Names(directory, team.WorkspaceId);
        var roll = await attendance.ForWeekAsync(team, week, ct);
        var wrote = new List<DigestWriter>();
        foreach (var (update, index) in roll.Updates.Select((u, i) => (u, i)))
        {
            var reply = index < DigestMessage.NamesPerList ? await PermalinkAsync(api, team.ChannelId, update.MessageTs, ct) : null;
            wrote.Add(new DigestWriter(await names.OfAsync(update.UserId, ct), reply));
        }

        var blockers = await updates.BlockersSinceAsync(team.Id, since, ct);
        var (fresh, aged, resolved) = DigestBlockers.Classify(blockers, since, now);
        var changed = await changes.ForWeekAsync(team.Id, week.Monday, roll.Updates, blockers, ct);
        var due = await decisions.DueInChannelAsync(team.WorkspaceId, team.ChannelId, now, now + Week, ct);
        var decided = await decisions.DecidedInChannelAsync(team.WorkspaceId, team.ChannelId, now - Week, now, ct);
        var late = await updates.LateUpdatesSinceAsync(team.Id, since, ct);
        var today = RecordForm.Today(now, (await directory.GetAsync(team.WorkspaceId, recipientId, ct)).Schedule.TimeZoneId);
        var toRevisit = await decisions.ToRevisitAsync(team.WorkspaceId, null, [team.ChannelId], today, ct);
        var notStarted = await NotStartedAsync(team, now, ct);

        // "alice, open 9 days", and as on the week's summary, "blocked for 2 weeks" when written unchanged weeks running.
        async Task<string> OpenDetailAsync(StoredBlocker b) =>
            $"{await names.OfAsync(b.UserId, ct)}, {WeekSummary.Age(b.OpenedAt, now)}"
            + (changed.WeeksBlocked(b.Id) is var weeks and > 0 ? $", blocked for {weeks} weeks" : "");

        return new DigestContent(
            team.ChannelId,
            week,
            roll.Figures,
            wrote,
            await names.OfAllAsync(roll.Away, ct),
            await names.OfAllAsync(roll.Missing, ct),
            await LinesAsync(fresh, async b => new DigestLine(b.Text, await OpenDetailAsync(b),
                await PermalinkAsync(api, team.ChannelId, b.MessageTs, ct))),
            await LinesAsync(aged, async b => new DigestLine(b.Text, await OpenDetailAsync(b),
                await PermalinkAsync(api, team.ChannelId, b.MessageTs, ct))),
            await LinesAsync(due, async d => new DigestLine($"{d.ShortId}: {d.Title}", "responses due",
                await PermalinkAsync(api, d.ChannelId, d.MessageTs, ct), d.Deadline)),
            await LinesAsync(decided, async d => new DigestLine($"{d.ShortId}: {d.Title}", $"decided: {d.DecidedOption}",
                await PermalinkAsync(api, d.ChannelId, d.MessageTs, ct))),
            await LinesAsync(late, async u => new DigestLine(await names.OfAsync(u.UserId, ct), $"for the {TeamWeek.Containing(u.WeekStart).Name}, written",
                await PermalinkAsync(api, team.ChannelId, u.MessageTs, ct), u.SubmittedAt)),
            await LinesAsync(resolved, async b => new DigestLine(b.Text,
                $"{await names.OfAsync(b.UserId, ct)}, resolved by {(b.ResolvedBy is { } by ? await names.OfAsync(by, ct) : "someone")}",
                await PermalinkAsync(api, team.ChannelId, b.MessageTs, ct))),
            links.TeamWeek(team.WorkspaceId, team.ChannelId, week.Monday, recipientId))
        {
            ToRevisit = await LinesAsync(toRevisit, async d => new DigestLine($"{d.ShortId}: {d.Title}",
                $"decided: {d.DecidedOption}; revisit by {DecisionText.Day(d.RevisitOn!.Value)}", await PermalinkAsync(api, d.ChannelId, d.MessageTs, ct))),
            Plans = await LinesAsync(changed.Plans, async p => new DigestLine(await names.OfAsync(p.UserId, ct), p.Line,
                await PermalinkAsync(api, team.ChannelId, p.MessageTs, ct))),
            NotStarted = await LinesAsync(notStarted, async d => new DigestLine($"{d.Doc.ShortId}: {d.Doc.Title}",
                $"{(d.FollowUps == 1 ? "1 follow-up" : $"{d.FollowUps} follow-ups")}, none started yet; decided", await PermalinkAsync(api, d.Doc.ChannelId, d.Doc.MessageTs, ct),
                d.Doc.DecidedAt)),
        };
    }

    // Decided, not started: a recent decision (not superseded) with follow-ups, none of which has appeared in its owner's
    // Completed or In Progress yet.
    private async Task<IReadOnlyList<(DecisionDoc Doc, int FollowUps)>> NotStartedAsync(TeamChannel team, DateTimeOffset now, CancellationToken ct)
    {
        var decided = (await decisions.DecidedInChannelAsync(team.WorkspaceId, team.ChannelId, now - NotStartedWindow, now, ct))
            .Where(d => d.SupersededBy is null).ToList();
        var items = (await planned.OfSourcesAsync(team.WorkspaceId, [.. decided.Select(d => d.FollowUpSource)], ct)).ToLookup(i => i.SourceKey);
        return [.. decided.Where(d => items[d.FollowUpSource].Any() && items[d.FollowUpSource].All(i => i.StartedAt is null))
            .Select(d => (d, items[d.FollowUpSource].Count()))];
    }

    // Only the lines the message shows are turned into links (and so cost a chat.getPermalink); the rest are counted.
    private static async Task<DigestList> LinesAsync<T>(IReadOnlyList<T> items, Func<T, Task<DigestLine>> line)
    {
        var shown = new List<DigestLine>();
        foreach (var item in items.Take(DigestMessage.ItemsPerList))
        {
            shown.Add(await line(item));
        }

        return new DigestList(shown, items.Count);
    }

    /// <summary>A message's permalink; null when it was never posted or is gone (deleted, channel archived or left).</summary>
    private static async Task<Uri?> PermalinkAsync(ISlackApi api, string channel, string? ts, CancellationToken ct)
    {
        if (ts is null)
        {
            return null;
        }

        try
        {
            return await api.Chat.GetPermalinkAsync(channel, ts, ct);
        }
        catch (SlackApiException ex) when (ex.IsMessageGone() || ex.IsChannelGone())
        {
            return null;
        }
    }

    /// <summary>Display names, each looked up once per digest.</summary>
    private sealed class Names(MemberDirectory directory, string workspaceId)
    {
        private readonly Dictionary<string, string> known = new(StringComparer.Ordinal);

        public async Task<string> OfAsync(string userId, CancellationToken ct)
        {
            if (!known.TryGetValue(userId, out var name))
            {
                name = (await directory.GetAsync(workspaceId, userId, ct)).DisplayName ?? userId;
                known[userId] = name;
            }

            return name;
        }

        public async Task<IReadOnlyList<string>> OfAllAsync(IEnumerable<string> userIds, CancellationToken ct)
        {
            var all = new List<string>();
            foreach (var userId in userIds)
            {
                all.Add(await OfAsync(userId, ct));
            }

            return all;
        }
    }
}

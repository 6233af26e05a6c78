using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// <c>/decision</c> opens the doc form (<c>/decision Title</c> fills the title; a pasted Markdown doc fills every
/// section); <c>list</c>, <c>DEC-12</c>, <c>export DEC-12</c> and <c>help</c> answer privately.
/// </summary>
public sealed class DecisionCommand(
    ISlackClient slack, MemberDirectory members, DecisionStore store, DecisionAccess access, BotChannelMembership membership, PageLinks pages,
    TimeProvider clock)
    : ISlashCommandHandler
{
    private const int RecentDecisions = 5;

    public const string Help =
        """
        *Decision docs*
        • `/decision` — write a decision doc: problem, options, analysis, recommendation, questions, reviewers and a response deadline
        • `/decision Title` — the same, with the title filled in; paste a whole Markdown doc with `## Problem Statement`-style headings to fill every section
        • `/decision list` — open docs and recent decisions
        • `/decision DEC-12` — where one doc stands
        • `/decision edit DEC-12` — change your doc while it takes responses (or use *Edit* on it)
        • `/decision export DEC-12` — the doc as a Markdown decision record (MADR)
        • `/decision supersede DEC-12` — write the doc that replaces a recorded decision (or use *Supersede* on it)
        """;

    public string Command => "/decision";

    public async Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        var text = command.Text.Trim();
        var words = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : "";
        var isOneLine = !text.Contains('\n', StringComparison.Ordinal);

        if (isOneLine && verb == "help" && words.Length == 1)
        {
            return SlackAck.Ephemeral(Help);
        }

        if (isOneLine && verb == "list" && words.Length == 1)
        {
            return SlackAck.Ephemeral(await ListAsync(command, ct));
        }

        if (isOneLine && DecisionShortId.TryParse(text, out var shown))
        {
            return await ShowAsync(command, shown, ct);
        }

        if (isOneLine && verb == "export" && words.Length == 2)
        {
            return DecisionShortId.TryParse(words[1], out var exported)
                ? await ExportAsync(command, exported, ct)
                : SlackAck.Ephemeral($"`{MrkdwnEscaping.Escape(words[1])}` is not a decision id. Try `/decision export DEC-12`.");
        }

        // "/decision Edit the roadmap" is a title; only an id after "edit" means the doc.
        if (isOneLine && verb == "edit" && words.Length == 2 && DecisionShortId.TryParse(words[1], out var edited))
        {
            return await EditAsync(command, edited, ct);
        }

        // Like edit: "/decision Supersede the cron jobs" is a title.
        if (isOneLine && verb == "supersede" && words.Length == 2 && DecisionShortId.TryParse(words[1], out var superseded))
        {
            return await SupersedeAsync(command, superseded, ct);
        }

        return TooLongForTheForm(text) is { } tooLong ? SlackAck.Ephemeral(tooLong) : await OpenFormAsync(command, text, new DocFormTarget(command.ChannelId), ct);
    }

    /// <summary>The longest pasted doc read: six full sections of the form and their headings fit.</summary>
    public const int MaxPastedLength = 20_000;

    /// <summary>What the form can't hold in full is refused before it opens, so nothing pasted is cut short unseen.</summary>
    private static string? TooLongForTheForm(string text)
    {
        if (text.Length > MaxPastedLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"That is {text.Length:N0} characters long; a doc pasted after `/decision` is at most {MaxPastedLength:N0}. Paste a shorter one, or run `/decision` and fill in the form.");
        }

        var doc = Prefill(text);
        var (section, length, limit) = new[]
            {
                ("The title", doc.Title.Length, DecisionModals.TitleMaxLength),
                ("Problem Statement", doc.ProblemStatement.Length, DecisionModals.SectionMaxLength),
                ("Options Considered", doc.OptionsConsidered.Length, DecisionModals.SectionMaxLength),
                ("Analysis", doc.Analysis.Length, DecisionModals.SectionMaxLength),
                ("Recommendation", doc.Recommendation.Length, DecisionModals.SectionMaxLength),
                ("Questions for Team", doc.QuestionsForTeam.Length, DecisionModals.SectionMaxLength),
            }
            .FirstOrDefault(s => s.Item2 > s.Item3);
        return section is null ? null : string.Create(CultureInfo.InvariantCulture,
            $"{section} is {length:N0} characters long; the form holds at most {limit:N0} there, so I didn't open it. Shorten it and paste again.");
    }

    private async Task<SlackAck> EditAsync(SlashCommand command, DecisionShortId id, CancellationToken ct)
    {
        var doc = await store.FindAsync(command.TeamId, id, ct);
        if (doc is null || !await access.CanReadAsync(command.TeamId, command.UserId, command.ChannelId, doc, ct))
        {
            return NotFound(id);
        }

        if (doc.AuthorId != command.UserId)
        {
            return SlackAck.Ephemeral(DecisionText.OnlyAuthor(doc, "edit"));
        }

        if (await store.SnapshotAsync(doc.Id, ct) is not { Doc.State: DecisionStatus.Open } snapshot)
        {
            return SlackAck.Ephemeral(DecisionText.NotEditable(doc));
        }

        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            await slack.ForWorkspace(command.TeamId).Views.OpenAsync(command.TriggerId!, DecisionModals.Edit(snapshot), followUpCt);
            return null;
        }, FormDidNotOpen);
    }

    /// <summary>Opens the new-doc form linked to a decided doc, posted where the command runs.</summary>
    private async Task<SlackAck> SupersedeAsync(SlashCommand command, DecisionShortId id, CancellationToken ct)
    {
        var doc = await store.FindAsync(command.TeamId, id, ct);
        if (doc is null || !await access.CanReadAsync(command.TeamId, command.UserId, command.ChannelId, doc, ct))
        {
            return NotFound(id);
        }

        return DecisionText.NotSupersedable(doc) is { } refusal
            ? SlackAck.Ephemeral(refusal)
            : await OpenFormAsync(command, "", new DocFormTarget(command.ChannelId, id), ct);
    }

    private const string InviteMe =
        "I'm not in this channel yet, so I couldn't post the doc here. Invite me with `/invite @AsyncLead`, then run `/decision` again.";

    private const string FormDidNotOpen = "Slack didn't open the decision form just now. Please run `/decision` again in a moment.";

    /// <summary>Acks at once and opens the form right after, asking Slack only for what isn't known yet (side by side).</summary>
    private async Task<SlackAck> OpenFormAsync(SlashCommand command, string text, DocFormTarget target, CancellationToken ct)
    {
        // Only a known yes skips asking: a no is checked again after the ack, in case the bot has just been invited.
        var known = await membership.KnownAsync(command.TeamId, command.ChannelId, ct);
        var author = await members.KnownAsync(command.TeamId, command.UserId, ct);
        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            var isMember = known is true ? Task.FromResult(true) : membership.LearnAsync(command.TeamId, command.ChannelId, followUpCt);
            var profile = author is not null ? Task.FromResult(author) : members.GetAsync(command.TeamId, command.UserId, followUpCt);
            if (!await isMember)
            {
                return SlackAck.Ephemeral(InviteMe);
            }

            var zone = (await profile).Schedule.TimeZoneId;
            var deadline = DecisionSchedule.DefaultDeadline(clock.GetUtcNow(), zone);
            var form = DecisionModals.Doc(target, Prefill(text), deadline, DecisionSchedule.DefaultDecisionDate(deadline, zone));
            await slack.ForWorkspace(command.TeamId).Views.OpenAsync(command.TriggerId!, form, followUpCt);
            return null;
        }, FormDidNotOpen);
    }

    /// <summary>A Markdown doc (several lines or headings) fills the sections; anything else is the title.</summary>
    public static DecisionDocSections Prefill(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.StartsWith('#')
            ? DecisionDocParser.Parse(text)
            : new DecisionDocSections(text, "", "", "", "", "");

    private async Task<string> ListAsync(SlashCommand command, CancellationToken ct)
    {
        var (teamId, userId) = (command.TeamId, command.UserId);
        var open = await access.VisibleAsync(teamId, userId, command.ChannelId, await store.ListOpenAsync(teamId, ct), ct);
        // Asks for more than it shows, so docs hidden from this person don't leave the list short.
        var decided = (await access.VisibleAsync(teamId, userId, command.ChannelId,
            await store.ListRecentDecisionsAsync(teamId, RecentDecisions * 4, ct), ct)).Take(RecentDecisions).ToList();
        if (open.Count == 0 && decided.Count == 0)
        {
            return "No decision docs yet. Write one with `/decision`.";
        }

        var lines = new List<string>();
        if (open.Count > 0)
        {
            lines.Add("*Open decision docs*");
            foreach (var doc in open)
            {
                var snapshot = await store.SnapshotAsync(doc.Id, ct);
                var tally = snapshot!.Tally;
                lines.Add(doc.State == DecisionStatus.Open
                    ? $"• {DecisionText.Name(doc)} in <#{doc.ChannelId}> — due {DecisionText.LocalDate(doc.Deadline, doc.AuthorTz)} · {tally.RespondedCount}/{tally.ReviewerCount} responded"
                    : $"• {DecisionText.Name(doc)} in <#{doc.ChannelId}> — {DecisionText.StatusWord(doc)}, waiting for {DecisionText.Mention(doc.AuthorId)} to decide");
            }
        }

        if (decided.Count > 0)
        {
            lines.Add("*Recent decisions*");
            lines.AddRange(decided.Select(doc =>
                $"• {DecisionText.Name(doc)} — decided {DecisionText.LocalDate(doc.DecidedAt!.Value, doc.AuthorTz)}: {MrkdwnEscaping.Escape(doc.DecidedOption ?? "")}"
                + (DecisionText.Lineage(doc) is { Length: > 0 } lineage ? $" · {lineage}" : "")));
        }

        lines.Add(pages.DecisionLog(teamId, userId) is { } log ? $"<{log}|Every decision, searchable, in the decision log>" : PageLinks.PagesOff);
        return string.Join("\n", lines);
    }

    private async Task<SlackAck> ShowAsync(SlashCommand command, DecisionShortId id, CancellationToken ct)
    {
        var (teamId, userId) = (command.TeamId, command.UserId);
        var doc = await store.FindAsync(teamId, id, ct);
        if (doc is null || !await access.CanReadAsync(teamId, userId, command.ChannelId, doc, ct))
        {
            return NotFound(id);
        }

        var snapshot = (await store.SnapshotAsync(doc.Id, ct))!;
        var lines = new List<string>
        {
            $"{DecisionText.Name(doc)} by {DecisionText.Mention(doc.AuthorId)} in <#{doc.ChannelId}> — {DecisionText.StatusWord(doc)}",
            snapshot.Tally.StatusLine(doc.Deadline, clock.GetUtcNow(), doc.AuthorTz),
            DecisionText.Due(doc),
        };
        if (doc.State == DecisionStatus.Decided)
        {
            lines.Add($"Decided by {DecisionText.Mention(doc.DecidedBy!)}: *{MrkdwnEscaping.Escape(doc.DecidedOption ?? "")}*");
            if (doc.RevisitOn is { } revisit)
            {
                lines.Add($"Revisit by {DecisionText.Day(revisit)}");
            }

        }

        if (DecisionText.Lineage(doc) is { Length: > 0 } lineage)
        {
            lines.Add(lineage);
        }

        if (DecisionText.Link(doc) is { } link)
        {
            lines.Add(link);
        }

        lines.Add(pages.Decision(teamId, doc.Id, userId) is { } page ? $"<{page}|The whole doc with every response>" : PageLinks.PagesOff);
        return SlackAck.Ephemeral(string.Join("\n", lines));
    }

    private async Task<SlackAck> ExportAsync(SlashCommand command, DecisionShortId id, CancellationToken ct)
    {
        var doc = await store.FindAsync(command.TeamId, id, ct);
        if (doc is null || !await access.CanReadAsync(command.TeamId, command.UserId, command.ChannelId, doc, ct))
        {
            return NotFound(id);
        }

        var snapshot = (await store.SnapshotAsync(doc.Id, ct))!;
        var people = new[] { doc.AuthorId, doc.DecidedBy ?? "" }.Concat(snapshot.Reviewers).Concat(snapshot.Concerns.SelectMany(c => new[] { c.AuthorId, c.ResolvedBy ?? "" }))
            .Concat(snapshot.Extensions.Select(e => e.MovedBy)).Concat(snapshot.FollowUps.Select(f => f.UserId)).Where(id => id.Length > 0).Distinct().ToList();
        var names = (await members.CachedAsync(command.TeamId, people, ct)).ToDictionary(m => m.UserId, m => m.DisplayName, StringComparer.Ordinal);
        // Someone never looked up keeps their Slack id: still findable, never a blank.
        var markdown = DecisionRecord.ToMarkdown(snapshot, id => names.GetValueOrDefault(id) is { Length: > 0 } known ? known : id);
        return SlackAck.Ephemeral($"{id} as a Markdown decision record:\n```\n{MrkdwnEscaping.Escape(markdown)}```");
    }

    // The same answer for a doc that doesn't exist and one from a private channel the person isn't in: neither is theirs to see.
    private static MessageAck NotFound(DecisionShortId id) =>
        SlackAck.Ephemeral($"There is no {id} that you can see in this workspace. `/decision list` shows the open docs and recent decisions.");
}

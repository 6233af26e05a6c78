using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Web;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>Small pieces of mrkdwn shared by the doc message, thread notes, DMs and command replies.</summary>
public static class DecisionText
{
    /// <summary>Slack shows each reader this instant in their own zone; the fallback is in <paramref name="fallbackZone"/>.</summary>
    public static string LocalDate(DateTimeOffset at, string fallbackZone)
    {
        var local = Instant.FromDateTimeOffset(at).InZone(TimeZoneIds.Resolve(fallbackZone));
        var fallback = local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " " + local.Zone.Id;
        return string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{fallback}>");
    }

    /// <summary>A day, the same for every reader: "Mon 12 Jan 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Mention(string userId) => $"<@{userId}>";

    public static string Mentions(IEnumerable<string> userIds) => string.Join(", ", userIds.Select(Mention));

    /// <summary>"A", "A and B", "A, B and C": a list read as a sentence.</summary>
    public static string Sentence(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}";

    /// <summary>"DEC-3 *Adopt Postgres*", with the title escaped.</summary>
    public static string Name(DecisionDoc doc) => $"{doc.ShortId} *{MrkdwnEscaping.Escape(doc.Title)}*";

    public static string Due(DecisionDoc doc) =>
        $"Responses due {LocalDate(doc.Deadline, doc.AuthorTz)}. Decision {LocalDate(doc.DecisionDate, doc.AuthorTz)}.";

    public static string StatusWord(DecisionDoc doc) => doc.State switch
    {
        DecisionStatus.Open => "open",
        DecisionStatus.Closed => doc.ReviewOutcome == DecisionOutcome.ReadyToDecide ? "closed · ready to decide" : "closed · needs a sync",
        DecisionStatus.Decided => "decided",
        DecisionStatus.Lapsed => "lapsed",
        _ => "withdrawn",
    };

    /// <summary>What the deadline announces in the thread (and, with the doc's name, to the author).</summary>
    public static string Outcome(DecisionSnapshot snapshot)
    {
        var tally = snapshot.Tally;
        if (tally.Outcome == DecisionOutcome.ReadyToDecide)
        {
            var why = tally.Quorum == DecisionQuorum.Majority
                ? $"{tally.Approvals} of {tally.ReviewerCount} reviewers approved, a majority, and no concern or hold is open."
                : $"all {tally.ReviewerCount} reviewers answered and no concern is open.";
            return $":white_check_mark: *Ready to decide.* Responses are closed: {why}{ExcusedNote(snapshot)} "
                + $"{Mention(snapshot.Doc.AuthorId)}, record the decision with the *Decide* button.";
        }

        var counted = tally.Quorum == DecisionQuorum.Majority
            ? $"{tally.Approvals}/{tally.ReviewerCount} approved" + (tally.MajorityApproved ? "" : "; a majority is needed")
            : $"{tally.RespondedCount}/{tally.ReviewerCount} responded";
        var lines = new List<string> { $":speech_balloon: *Needs a 20-minute sync.* Responses are closed ({counted}).{ExcusedNote(snapshot)}" };
        if (tally.OpenConcerns.Count > 0)
        {
            lines.Add(tally.OpenConcerns.Any(c => c.IsHold) ? "Open concerns and holds:" : "Open concerns:");
            lines.AddRange(tally.OpenConcerns.Select(c => $"• {Mention(c.AuthorId)}{(c.IsHold ? " (hold)" : "")}: {MrkdwnEscaping.Escape(OneLine(c.Text))}"));
        }

        var earlier = snapshot.ApprovedEarlierVersion;
        if (earlier.Count > 0)
        {
            lines.Add($"Approved only an earlier version: {Mentions(earlier)}");
        }

        if (tally.NonResponders.Except(earlier).ToList() is { Count: > 0 } silent)
        {
            lines.Add($"Did not answer: {Mentions(silent)}");
        }

        return string.Join("\n", lines);
    }

    public static string OutcomeForAuthor(DecisionSnapshot snapshot) =>
        $"Responses on {Name(snapshot.Doc)} in <#{snapshot.Doc.ChannelId}> are closed.\n{Outcome(snapshot)}";

    public static string Reminder(DecisionDoc doc) =>
        $":hourglass_flowing_sand: Your review of {Name(doc)} in <#{doc.ChannelId}> is due {LocalDate(doc.Deadline, doc.AuthorTz)}. "
        + "Approve, raise a concern, ask a question or abstain on the doc's message"
        + (Link(doc) is { } link ? $": {link}" : ".");

    /// <summary>A link to the doc message (Slack redirects archive links to the message in any client), once it is posted.</summary>
    public static string? Link(DecisionDoc doc) =>
        doc.MessageTs is { } ts ? $"<{SlackAddresses.Message(doc.ChannelId, ts)}|Open the doc>" : null;

    public static string Extension(DecisionDoc doc, DateTimeOffset newDeadline, string reason) =>
        $":calendar: {Mention(doc.AuthorId)} extended the response deadline to {LocalDate(newDeadline, doc.AuthorTz)}"
        + (string.IsNullOrWhiteSpace(reason) ? "." : $": {MrkdwnEscaping.Escape(reason.Trim())}");

    public static string Withdrawal(DecisionDoc doc) => $":no_entry_sign: {Mention(doc.AuthorId)} withdrew {Name(doc)}. No more responses or reminders.";

    public static string Decided(string userId, string option, bool early, DecisionQuorum quorum) =>
        $":white_check_mark: Decided {(early ? "early " : "")}by {Mention(userId)}: *{MrkdwnEscaping.Escape(OneLine(option))}*"
        + (early ? $" ({EarlyBecause(quorum)} before the response deadline)" : "");

    /// <summary>Why a doc could be decided before its deadline: "every reviewer approved" or "a majority of reviewers approved".</summary>
    public static string EarlyBecause(DecisionQuorum quorum) =>
        quorum == DecisionQuorum.Majority ? "a majority of reviewers approved" : "every reviewer approved";

    /// <summary>To the author, once per version, when the review is complete before the deadline.</summary>
    public static string ReadyEarly(DecisionSnapshot snapshot)
    {
        var doc = snapshot.Doc;
        var tally = snapshot.Tally;
        var who = doc.Quorum == DecisionQuorum.Majority
            ? $"A majority of reviewers ({tally.Approvals} of {tally.ReviewerCount}) approved {Name(doc)} in <#{doc.ChannelId}> and no concern or hold is open"
            : $"Every reviewer approved {Name(doc)} in <#{doc.ChannelId}> and no concern is open";
        return $":tada: {who}, so it is ready to decide now, before its deadline ({LocalDate(doc.Deadline, doc.AuthorTz)}).{ExcusedNote(snapshot)} "
            + "Record the decision with the *Decide* button on the doc"
            + (Link(doc) is { } link ? $": {link}" : ".");
    }

    /// <summary>" <@U1> is away, so excused." for the reviewers excused, or nothing.</summary>
    public static string ExcusedNote(DecisionSnapshot snapshot)
    {
        var excused = snapshot.Tally.Excused;
        return excused.Count == 0 ? "" : $" {Mentions(excused)} {(excused.Count == 1 ? "is" : "are")} away, so excused.";
    }

    /// <summary>"away" (AsyncLead away days) or "out of office" (their Slack status).</summary>
    public static string AwayWord(AwayReason reason) => reason == AwayReason.Away ? "away" : "out of office";

    /// <summary>To the author on the working mornings after the deadline while the doc waits for its decision.</summary>
    public static string DecideReminder(DecisionDoc doc) =>
        $":memo: Responses on {Name(doc)} in <#{doc.ChannelId}> closed {LocalDate(doc.Deadline, doc.AuthorTz)} and the decision isn't recorded yet. "
        + "Record it with *Decide* on the doc, or *Extend deadline* or *Withdraw* it there. "
        + $"Left undecided, it lapses {LocalDate(doc.Deadline + DecisionSchedule.LapseAfter, doc.AuthorTz)}"
        + (Link(doc) is { } link ? $": {link}" : ".");

    public static string Lapsed(DecisionDoc doc) =>
        $":zzz: {Name(doc)} lapsed: no decision was recorded within two weeks of its response deadline, so it has left the open list. "
        + $"{Mention(doc.AuthorId)} can bring it back as a new doc with `/decision`.";

    /// <summary>The thread's note of one edit: what changed, who joined or left the review, and whose approval now waits.</summary>
    public static string Edited(DecisionDoc doc, DecisionChanges changes)
    {
        var lines = new List<string> { $":pencil2: {Mention(doc.AuthorId)} edited {Name(doc)}:" };
        if (changes.Sections.Count > 0)
        {
            lines.Add($"• Changed: {string.Join(", ", changes.Sections)}");
        }

        if (changes.AddedReviewers.Count > 0)
        {
            lines.Add($"• New {(changes.AddedReviewers.Count == 1 ? "reviewer" : "reviewers")}: {Mentions(changes.AddedReviewers)}");
        }

        if (changes.RemovedReviewers.Count > 0)
        {
            lines.Add($"• No longer {(changes.RemovedReviewers.Count == 1 ? "a reviewer" : "reviewers")}: {Mentions(changes.RemovedReviewers)}");
        }

        if (changes.Deadline is { } deadline)
        {
            lines.Add($"• Responses now due {LocalDate(deadline, doc.AuthorTz)}");
        }

        if (changes.Quorum is { } quorum)
        {
            lines.Add($"• Ready to decide when {(quorum == DecisionQuorum.Majority ? "a majority of reviewers approve" : "every reviewer has answered")}");
        }

        if (changes.DecisionDate is { } decisionDate)
        {
            lines.Add($"• Decision now planned {LocalDate(decisionDate, doc.AuthorTz)}");
        }

        if (changes.ToConfirm.Count > 0)
        {
            lines.Add($"{Mentions(changes.ToConfirm)} approved an earlier version and {(changes.ToConfirm.Count == 1 ? "is" : "are")} asked to confirm.");
        }

        return string.Join("\n", lines);
    }

    public static string NotEditable(DecisionDoc doc) => doc.State == DecisionStatus.Closed
        ? $"Responses on {Name(doc)} are closed, so it can't be edited. *Extend deadline* on the doc opens it again."
        : $"{Name(doc)} is {StatusWord(doc)}, so it can't be edited.";

    /// <summary>To a reviewer whose approval was given before the Options or the Recommendation changed.</summary>
    public static string ConfirmApproval(DecisionDoc doc, DecisionChanges changes)
    {
        var what = string.Join(" and the ", changes.Sections.Where(s => s is DecisionChanges.OptionsHeading or DecisionChanges.RecommendationHeading));
        return $":pencil2: {Mention(doc.AuthorId)} changed the {what} of {Name(doc)} in <#{doc.ChannelId}> after you approved it, "
            + "so your approval is shown as given to an earlier version. Please read it again and *Approve* to confirm, or raise a concern or a question"
            + (Link(doc) is { } link ? $": {link}" : " on the doc.");
    }

    /// <summary>Under the deadline in a new doc's form, when the default moved to the Thursday after for these reviewers.</summary>
    public static string DeadlineMoved(IReadOnlyList<string> reviewers) =>
        $":calendar: Moved to the Thursday after, so that {Sentence([.. reviewers.Select(Mention)])} "
        + $"{(reviewers.Count == 1 ? "has" : "have")} at least {DecisionSchedule.ReviewerWorkingDays} whole working days to answer, in their own hours.";

    /// <summary>To a follow-up's owner when the decision is recorded.</summary>
    public static string FollowUpsFor(DecisionDoc doc, IReadOnlyList<DecisionFollowUp> followUps) =>
        $":pushpin: {Mention(doc.AuthorId)} recorded {Name(doc)} in <#{doc.ChannelId}> with "
        + (followUps.Count == 1 ? "a follow-up" : "follow-ups") + " for you:\n"
        + string.Join("\n", followUps.Select(f => $"• {MrkdwnEscaping.Escape(OneLine(f.Text))} — due {Day(f.DueOn)}"))
        + "\nYou'll find " + (followUps.Count == 1 ? "it" : "them") + " in your next weekly update, under Next Week.";

    /// <summary>"• <@U1> — Write the runbook — due Fri 5 Dec 2025", one line per follow-up (how far each got is the page's to say).</summary>
    public static string FollowUpLines(IEnumerable<PlannedItem> followUps) =>
        string.Join("\n", followUps.Select(f => $"• {Mention(f.UserId)} — {MrkdwnEscaping.Escape(OneLine(f.Text))}"
            + (f.DueOn is { } due ? $" — due {Day(due)}" : "")));

    /// <summary>In the replaced decision's thread, once the doc that supersedes it is decided.</summary>
    public static string SupersededNote(DecisionDoc newer) =>
        $":arrows_counterclockwise: This decision is superseded by {Name(newer)}" + (Link(newer) is { } link ? $": {link}" : ".");

    /// <summary>"Superseded by DEC-19", "Supersedes DEC-12" (once decided) or "Proposed to supersede DEC-12"; empty for neither.</summary>
    public static string Lineage(DecisionDoc doc)
    {
        var parts = new List<string>();
        if (doc.Supersedes is { } old)
        {
            parts.Add(doc.State == DecisionStatus.Decided ? $"Supersedes {old}" : $"Proposed to supersede {old}");
        }

        if (doc.SupersededBy is { } newer)
        {
            parts.Add($"Superseded by {newer}");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>Why a doc can't be superseded now, or null when it can.</summary>
    public static string? NotSupersedable(DecisionDoc doc) => doc switch
    {
        { CanBeSuperseded: true } => null,
        { SupersededBy: { } newer } => $"{Name(doc)} is already superseded by {newer}. Supersede {newer} instead if it needs replacing too.",
        _ => $"{Name(doc)} is {StatusWord(doc)}: only a decision on record can be superseded. "
            + (doc.State is DecisionStatus.Open or DecisionStatus.Closed ? "Edit it, or wait for its decision." : "Write a new doc with `/decision`."),
    };

    public static string OnlyAuthor(DecisionDoc doc, string what) => $"Only {Mention(doc.AuthorId)} can {what} {doc.ShortId}.";

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

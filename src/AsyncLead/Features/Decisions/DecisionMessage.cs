using System.Globalization;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.Decisions;

/// <summary>How a doc and its concerns look in the channel. Pure: the same snapshot and clock give the same message.</summary>
public static class DecisionMessage
{
    public const string Approve = "decision_approve";
    public const string Concern = "decision_concern";
    public const string Question = "decision_question";
    public const string Abstain = "decision_abstain";
    public const string Extend = "decision_extend";
    public const string Withdraw = "decision_withdraw";
    public const string Decide = "decision_decide";
    public const string Resolve = "decision_resolve";
    public const string Edit = "decision_edit";
    public const string Hold = "decision_hold";
    public const string Supersede = "decision_supersede";

    /// <summary>The metadata type that marks our messages; its payload carries the doc id (and a note's key).</summary>
    public const string MetadataType = "asynclead_decision";

    /// <summary>The id a button carries; 0 (which no row has) for anything malformed, so a forged value finds nothing.</summary>
    public static long IdFrom(string? buttonValue) =>
        long.TryParse(buttonValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0;

    public static RenderedMessage Doc(DecisionSnapshot snapshot, DateTimeOffset now)
    {
        var doc = snapshot.Doc;
        var id = doc.Id.ToString(CultureInfo.InvariantCulture);
        var blocks = new List<Block>
        {
            Blocks.Header($"{doc.ShortId} · {doc.Title}" + doc.State switch
            {
                DecisionStatus.Decided => doc.SupersededBy is null ? " (decided)" : " (superseded)",
                DecisionStatus.Withdrawn => " (withdrawn)",
                DecisionStatus.Lapsed => " (lapsed)",
                _ => "",
            }),
            Blocks.Context($"Proposed by {DecisionText.Mention(doc.AuthorId)} · Reviewers: {DecisionText.Mentions(snapshot.Reviewers)}"
                + (doc.Quorum == DecisionQuorum.Majority ? " · Ready when a majority approve" : "")
                + (doc.EditedAt is { } edited ? $" · _edited {DecisionText.LocalDate(edited, doc.AuthorTz)}: what changed is in the thread_" : "")),
        };

        if (DecisionText.Lineage(doc) is { Length: > 0 } lineage)
        {
            blocks.Add(Blocks.Section($":arrows_counterclockwise: *{lineage}*"));
        }

        if (doc.State == DecisionStatus.Decided)
        {
            blocks.Add(Blocks.Section(
                $":white_check_mark: *Decided:* {MrkdwnEscaping.Escape(doc.DecidedOption ?? "")}\n"
                + $"*Rationale:* {MarkdownToMrkdwn.Convert(doc.Rationale ?? "")}\n"
                + $"Decided by {DecisionText.Mention(doc.DecidedBy ?? doc.AuthorId)} on {DecisionText.LocalDate(doc.DecidedAt ?? now, doc.AuthorTz)}"
                + (doc.DecidedEarly ? $", before the response deadline: {DecisionText.EarlyBecause(doc.Quorum)}" : "")
                + (doc.RevisitOn is { } revisit ? $"\n:repeat: Revisit by {DecisionText.Day(revisit)}" : "")));
            if (snapshot.FollowUps.Count > 0)
            {
                blocks.Add(Blocks.Section($"*Follow-ups:*\n{DecisionText.FollowUpLines(snapshot.FollowUps)}"));
            }

        }
        else if (doc.State == DecisionStatus.Withdrawn)
        {
            blocks.Add(Blocks.Section(":no_entry_sign: *Withdrawn* by the author. Responses are closed."));
        }
        else if (doc.State == DecisionStatus.Lapsed)
        {
            blocks.Add(Blocks.Section(":zzz: *Lapsed*: no decision was recorded within two weeks of the response deadline."));
        }

        blocks.Add(Blocks.Section(DecisionText.Due(doc)));
        foreach (var (heading, markdown) in Sections(doc))
        {
            blocks.AddRange(Blocks.FromMrkdwn($"*{heading}*\n{MarkdownToMrkdwn.Convert(markdown)}"));
        }

        blocks.Add(Blocks.Divider());
        blocks.Add(Blocks.Context(Status(snapshot, now)));
        if (Answers(snapshot) is { Length: > 0 } answers)
        {
            blocks.Add(Blocks.Context(answers));
        }

        if (doc.State == DecisionStatus.Open)
        {
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(Approve, new PlainText("Approve")) { Value = id, Style = ButtonStyle.Primary },
                new ButtonElement(Concern, new PlainText("Concern")) { Value = id },
                new ButtonElement(Question, new PlainText("Question")) { Value = id },
                new ButtonElement(Abstain, new PlainText("Abstain")) { Value = id },
                new ButtonElement(Hold, new PlainText("Hold")) { Value = id },
            ]) { BlockId = "decision_responses" });
        }

        if (doc.State is DecisionStatus.Open or DecisionStatus.Closed)
        {
            // Decide appears once the author may use it: after the deadline, or early when every reviewer approved.
            var author = new List<BlockElement>();
            if (snapshot.CanDecide)
            {
                author.Add(new ButtonElement(Decide, new PlainText("Decide")) { Value = id, Style = ButtonStyle.Primary });
            }

            if (doc.State == DecisionStatus.Open)
            {
                author.Add(new ButtonElement(Edit, new PlainText("Edit")) { Value = id });
            }

            author.Add(new ButtonElement(Extend, new PlainText("Extend deadline")) { Value = id });
            author.Add(new ButtonElement(Withdraw, new PlainText("Withdraw"))
            {
                Value = id,
                Style = ButtonStyle.Danger,
                Confirm = new ConfirmDialog(new PlainText("Withdraw this doc?"), new PlainText("Responses close and reminders stop."),
                    new PlainText("Withdraw"), new PlainText("Keep it")) { Style = ButtonStyle.Danger },
            });
            blocks.Add(new ActionsBlock(author) { BlockId = "decision_author" });
        }

        if (doc.CanBeSuperseded)
        {
            // Anyone who reads the record may propose what replaces it; the new doc goes through its own review.
            blocks.Add(new ActionsBlock([new ButtonElement(Supersede, new PlainText("Supersede")) { Value = id }]) { BlockId = "decision_record" });
        }

        var text = $"{doc.ShortId}: {MrkdwnEscaping.Escape(doc.Title)} — {Status(snapshot, now)}";
        return new RenderedMessage(text, blocks);
    }

    /// <summary>A concern or question in the doc's thread; an open concern carries a Resolve button.</summary>
    public static RenderedMessage ConcernReply(DecisionDoc doc, DecisionConcern concern)
    {
        var label = concern.Kind switch { "concern" => ":warning: *Concern*", "hold" => ":raised_hand: *Hold*", _ => ":grey_question: *Question*" };
        var body = $"{label} from {DecisionText.Mention(concern.AuthorId)} on {doc.ShortId}:\n{MarkdownToMrkdwn.Convert(concern.Text)}";
        var blocks = new List<Block>(Blocks.FromMrkdwn(body));
        if (concern.IsBlocking && concern.ResolvedAt is null)
        {
            blocks.Add(new ActionsBlock(
            [
                new ButtonElement(Resolve, new PlainText(concern.IsHold ? "Release hold" : "Resolve")) { Value = concern.Id.ToString(CultureInfo.InvariantCulture) },
            ]));
        }
        else if (concern.IsBlocking)
        {
            blocks.Add(Blocks.Context($":heavy_check_mark: {(concern.IsHold ? "Released" : "Resolved")} by {DecisionText.Mention(concern.ResolvedBy ?? concern.AuthorId)}"));
        }

        return new RenderedMessage($"{concern.Label} from <@{concern.AuthorId}> on {doc.ShortId}", blocks);
    }

    private static string Status(DecisionSnapshot snapshot, DateTimeOffset now)
    {
        var doc = snapshot.Doc;
        var line = snapshot.Tally.StatusLine(doc.Deadline, now, doc.AuthorTz);
        return doc.State switch
        {
            DecisionStatus.Open => snapshot.Approved ? $"{line} · ready to decide" : line,
            DecisionStatus.Closed => $"{line} · {(doc.ReviewOutcome == DecisionOutcome.ReadyToDecide ? "ready to decide" : "needs a sync")}",
            DecisionStatus.Decided => doc.SupersededBy is { } newer ? $"{line} · decided, superseded by {newer}" : $"{line} · decided",
            DecisionStatus.Lapsed => $"{line} · lapsed",
            _ => $"{line} · withdrawn",
        };
    }

    // Who said what, reviewers first; a changed answer shows only the latest.
    private static string Answers(DecisionSnapshot snapshot)
    {
        var reviewers = snapshot.Reviewers.ToHashSet();
        var byAnswer = snapshot.Responses
            .Where(r => reviewers.Contains(r.ReviewerId) && !r.EarlierVersion)
            .GroupBy(r => r.Answer)
            .OrderBy(g => g.Key)
            .Select(g => $"{Word(g.Key)}: {DecisionText.Mentions(g.Select(r => r.ReviewerId))}")
            .ToList();
        var earlier = snapshot.ApprovedEarlierVersion;
        if (earlier.Count > 0)
        {
            byAnswer.Add($"Approved an earlier version: {DecisionText.Mentions(earlier)}");
        }

        var away = snapshot.Tally.Excused;
        if (away.Count > 0)
        {
            byAnswer.Add($"Away (excused): {DecisionText.Mentions(away)}");
        }

        var waiting = snapshot.Tally.NonResponders.Except(earlier).ToList();
        return string.Join(" · ", waiting.Count == 0 ? byAnswer : byAnswer.Append($"Waiting for: {DecisionText.Mentions(waiting)}"));
    }

    private static string Word(ReviewerAnswer answer) => answer switch
    {
        ReviewerAnswer.Approve => "Approved",
        ReviewerAnswer.Concern => "Concerns",
        ReviewerAnswer.Question => "Questions",
        ReviewerAnswer.Hold => "On hold",
        _ => "Abstained",
    };

    private static IEnumerable<(string Heading, string Markdown)> Sections(DecisionDoc doc) =>
        new[]
        {
            ("Problem Statement", doc.ProblemStatement),
            ("Options Considered", doc.Options),
            ("Analysis", doc.Analysis),
            ("Recommendation", doc.Recommendation),
            ("Questions for Team", doc.Questions),
        }.Where(s => !string.IsNullOrWhiteSpace(s.Item2));
}

using System.Globalization;
using System.Text;
using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// A doc as a Markdown decision record in the MADR 4 layout, for a repository's docs/decisions folder: YAML front
/// matter (status, date, decision-makers, consulted: the reviewers with their answers, informed), then context,
/// considered options, decision outcome and consequences. People are written by name (<paramref name="name"/>).
/// </summary>
public static class DecisionRecord
{
    public static string ToMarkdown(DecisionSnapshot snapshot, Func<string, string> name)
    {
        var doc = snapshot.Doc;
        var markdown = new StringBuilder("---\n");
        markdown.Append(CultureInfo.InvariantCulture, $"status: {Yaml(Status(doc))}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"date: {Date(doc.DecidedAt ?? doc.CreatedAt, doc.AuthorTz)}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"decision-makers: {Yaml(name(doc.DecidedBy ?? doc.AuthorId))}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"consulted: {Yaml(Consulted(snapshot, name))}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"informed: {Yaml($"everyone in Slack channel {doc.ChannelId}")}\n");
        markdown.Append("---\n\n");
        markdown.Append(CultureInfo.InvariantCulture, $"# {doc.ShortId}: {OneLine(doc.Title)}\n");

        Section(markdown, "Context and Problem Statement", doc.ProblemStatement);
        Section(markdown, "Considered Options", doc.Options);
        Section(markdown, "Pros and Cons of the Options", doc.Analysis);
        Section(markdown, "Recommendation", doc.Recommendation);

        markdown.Append("\n## Decision Outcome\n\n");
        markdown.Append(doc.State switch
        {
            DecisionStatus.Decided => $"Chosen option: \"{OneLine(doc.DecidedOption ?? "")}\", because:\n\n{doc.Rationale?.Trim()}\n",
            DecisionStatus.Withdrawn => "Withdrawn before a decision was made.\n",
            DecisionStatus.Lapsed => "Lapsed: no decision was recorded within two weeks of the response deadline.\n",
            _ => "Not decided yet.\n",
        });

        markdown.Append("\n### Consequences\n\n");
        var concerns = snapshot.Concerns.Where(c => c.IsBlocking).ToList();
        var questions = snapshot.Concerns.Where(c => !c.IsBlocking).ToList();
        if (concerns.Count == 0 && questions.Count == 0 && string.IsNullOrWhiteSpace(doc.Questions))
        {
            markdown.Append("* No concerns or open questions were raised in review.\n");
        }

        foreach (var concern in concerns)
        {
            var state = concern.ResolvedAt is null ? "open" : $"{(concern.IsHold ? "released" : "resolved")} by {name(concern.ResolvedBy ?? "")}";
            markdown.Append(CultureInfo.InvariantCulture, $"* {concern.Label} from {name(concern.AuthorId)} ({state}): {OneLine(concern.Text)}\n");
        }

        foreach (var question in questions)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Question from {name(question.AuthorId)}: {OneLine(question.Text)}\n");
        }

        if (snapshot.FollowUps.Count > 0)
        {
            markdown.Append("\n### Follow-ups\n\n");
            foreach (var item in snapshot.FollowUps)
            {
                var due = item.DueOn is { } day ? string.Create(CultureInfo.InvariantCulture, $" (due {day:yyyy-MM-dd})") : "";
                markdown.Append(CultureInfo.InvariantCulture, $"* {name(item.UserId)}: {OneLine(item.Text)}{due}\n");
            }
        }

        Section(markdown, "Questions for Team", doc.Questions, level: 3);

        markdown.Append("\n## More Information\n\n");
        markdown.Append(CultureInfo.InvariantCulture, $"* Proposed by {name(doc.AuthorId)} on {Date(doc.CreatedAt, doc.AuthorTz)}; responses were due {Date(doc.Deadline, doc.AuthorTz)}.\n");
        if (doc.RevisitOn is { } revisit)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Revisit by {revisit:yyyy-MM-dd}.\n");
        }

        if (doc.State == DecisionStatus.Decided && doc.Supersedes is { } old)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Supersedes {old}.\n");
        }

        if (doc.SupersededBy is { } newer)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Superseded by {newer}.\n");
        }

        if (doc.DecidedEarly)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Decided early: {DecisionText.EarlyBecause(doc.Quorum)} before the response deadline.\n");
        }

        foreach (var moved in snapshot.Extensions)
        {
            var why = moved.InEdit ? " in an edit" : moved.Reason.Length > 0 ? $": {OneLine(moved.Reason)}" : "";
            markdown.Append(CultureInfo.InvariantCulture,
                $"* {name(moved.MovedBy)} moved the response deadline from {Date(moved.FromDeadline, doc.AuthorTz)} to {Date(moved.ToDeadline, doc.AuthorTz)}{why}.\n");
        }

        return markdown.ToString();
    }

    private static void Section(StringBuilder markdown, string heading, string text, int level = 2)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n{new string('#', level)} {heading}\n\n{text.Trim()}\n");
        }
    }

    private static string Consulted(DecisionSnapshot snapshot, Func<string, string> name)
    {
        var answers = snapshot.Responses.ToDictionary(r => r.ReviewerId);
        return string.Join(", ", snapshot.Reviewers.Select(id => $"{name(id)} (" + (
            !answers.TryGetValue(id, out var response)
                ? snapshot.Excused.TryGetValue(id, out var away) ? $"{DecisionText.AwayWord(away)}, excused" : "no answer"
                : response.EarlierVersion ? "approved an earlier version"
                : response.Answer switch
                {
                    ReviewerAnswer.Approve => "approved",
                    ReviewerAnswer.Concern => "raised a concern",
                    ReviewerAnswer.Question => "asked a question",
                    ReviewerAnswer.Hold => "put it on hold",
                    _ => "abstained",
                }) + ")"));
    }

    // MADR 4's statuses: proposed, rejected, accepted, and later in a record's life "superseded by ADR-0123" (here a DEC id).
    private static string Status(DecisionDoc doc) => doc.State switch
    {
        DecisionStatus.Open or DecisionStatus.Closed => "proposed",
        DecisionStatus.Decided => doc.SupersededBy is { } newer ? $"superseded by {newer}" : "accepted",
        _ => "rejected",
    };

    private static string Date(DateTimeOffset at, string zone) =>
        Instant.FromDateTimeOffset(at).InZone(TimeZoneIds.Resolve(zone)).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A double-quoted YAML scalar: names and answers may hold colons, quotes or '#'.
    private static string Yaml(string value) =>
        "\"" + OneLine(value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // A heading or list item must stay on one line to stay what it is.
    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

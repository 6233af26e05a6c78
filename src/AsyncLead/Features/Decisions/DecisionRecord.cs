using System.Globalization;
using System.Text;
using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// A doc as a Markdown decision record in the MADR layout (context, considered options, decision outcome,
/// consequences), for pasting into a repository's docs/decisions folder. People are written as @ids.
/// </summary>
public static class DecisionRecord
{
    public static string ToMarkdown(DecisionSnapshot snapshot)
    {
        var doc = snapshot.Doc;
        var markdown = new StringBuilder();
        markdown.Append(CultureInfo.InvariantCulture, $"# {doc.ShortId}: {OneLine(doc.Title)}\n\n");
        markdown.Append(CultureInfo.InvariantCulture, $"* Status: {Status(doc)}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"* Proposed by: @{doc.AuthorId} on {Date(doc.CreatedAt, doc.AuthorTz)}\n");
        if (doc.DecidedAt is { } decidedAt)
        {
            var early = doc.DecidedEarly ? $" (decided early: {DecisionText.EarlyBecause(doc.Quorum)} before the response deadline)" : "";
            markdown.Append(CultureInfo.InvariantCulture, $"* Deciders: @{doc.DecidedBy}\n* Date: {Date(decidedAt, doc.AuthorTz)}{early}\n");
        }

        markdown.Append(CultureInfo.InvariantCulture, $"* Reviewers: {Reviewers(snapshot)}\n");
        markdown.Append(CultureInfo.InvariantCulture, $"* Response deadline: {Date(doc.Deadline, doc.AuthorTz)}\n");

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
            var state = concern.ResolvedAt is null ? "open" : $"{(concern.IsHold ? "released" : "resolved")} by @{concern.ResolvedBy}";
            markdown.Append(CultureInfo.InvariantCulture, $"* {concern.Label} from @{concern.AuthorId} ({state}): {OneLine(concern.Text)}\n");
        }

        foreach (var question in questions)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"* Question from @{question.AuthorId}: {OneLine(question.Text)}\n");
        }

        Section(markdown, "Questions for Team", doc.Questions, level: 3);
        return markdown.ToString();
    }

    private static void Section(StringBuilder markdown, string heading, string text, int level = 2)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n{new string('#', level)} {heading}\n\n{text.Trim()}\n");
        }
    }

    private static string Reviewers(DecisionSnapshot snapshot)
    {
        var answers = snapshot.Responses.ToDictionary(r => r.ReviewerId);
        return string.Join(", ", snapshot.Reviewers.Select(id =>
            snapshot.Excused.TryGetValue(id, out var away) && !answers.ContainsKey(id) ? $"@{id} ({DecisionText.AwayWord(away)}, excused)"
            : !answers.TryGetValue(id, out var response) ? $"@{id} (no answer)"
            : response.EarlierVersion ? $"@{id} (approved an earlier version)"
            : $"@{id} ({response.Answer.ToString().ToLowerInvariant()})"));
    }

    private static string Status(DecisionDoc doc) => doc.State switch
    {
        DecisionStatus.Open => "proposed",
        DecisionStatus.Closed => "proposed (review closed)",
        DecisionStatus.Decided => "accepted",
        DecisionStatus.Lapsed => "lapsed (never decided)",
        _ => "withdrawn",
    };

    private static string Date(DateTimeOffset at, string zone) =>
        Instant.FromDateTimeOffset(at).InZone(TimeZoneIds.Resolve(zone)).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A heading or list item must stay on one line to stay what it is.
    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

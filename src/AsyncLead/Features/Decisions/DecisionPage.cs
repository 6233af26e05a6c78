using System.Globalization;
using System.Text;
using AsyncLead.Web;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// One decision doc in full: its five sections, where the review stands (every reviewer's answer, who hasn't
/// answered, concerns and questions), the dates, and once decided the decision and its Markdown record.
/// </summary>
public sealed class DecisionPage(DecisionStore store, DecisionAccess access, PageReaders readers, PageLinks links, TimeProvider clock) : IWebPage
{
    public string Kind => PageLinks.DecisionKind;

    public async Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (!PageLinks.TryParseDecisionKey(target.Key, out var docId))
        {
            return null;
        }

        var snapshot = await store.SnapshotAsync(docId, cancellationToken);
        if (snapshot is null || snapshot.Doc.WorkspaceId != target.WorkspaceId)
        {
            return null;
        }

        var doc = snapshot.Doc;
        if (!await access.CanReadAsync(target.WorkspaceId, target.ViewerId, null, doc, cancellationToken))
        {
            return PageLayout.Page("Private decision doc",
                "<h1>This doc is private</h1><p>It was written in a private channel, and only that channel's members, its author and its reviewers can read it.</p>",
                StatusCodes.Status403Forbidden);
        }

        var people = new[] { doc.AuthorId, doc.DecidedBy ?? "" }.Concat(snapshot.Reviewers)
            .Concat(snapshot.Responses.Select(r => r.ReviewerId)).Concat(snapshot.Concerns.SelectMany(c => new[] { c.AuthorId, c.ResolvedBy ?? "" }))
            .Concat(snapshot.Extensions.Select(e => e.MovedBy)).Concat(snapshot.FollowUps.Select(f => f.UserId));
        var reader = await readers.LoadAsync(target, people, doc.AuthorTz, "the author's time zone", cancellationToken);
        var log = links.DecisionLogFrom(target);
        var lineage = new List<(string Term, DecisionShortId Other, Uri? Link)>();
        foreach (var (term, other) in new[] { (doc.State == DecisionStatus.Decided ? "Supersedes" : "Proposed to supersede", doc.Supersedes), ("Superseded by", doc.SupersededBy) })
        {
            if (other is { } number)
            {
                var linked = await store.FindAsync(target.WorkspaceId, number, cancellationToken);
                lineage.Add((term, number, linked is null ? null : links.DecisionFrom(target, linked.Id)));
            }
        }

        return PageLayout.Page($"{doc.ShortId}: {doc.Title}", Render(snapshot, reader, log, lineage, clock.GetUtcNow()));
    }

    private static string Render(DecisionSnapshot snapshot, PageReader reader, Uri? log, IReadOnlyList<(string Term, DecisionShortId Other, Uri? Link)> lineage,
        DateTimeOffset now)
    {
        var doc = snapshot.Doc;
        var tally = snapshot.Tally;
        var html = new StringBuilder();
        html.Append("<nav class=\"pager\">");
        if (log is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageLayout.Encode(log.PathAndQuery)}\">← Decision log</a>");
        }

        if (doc.MessageTs is { } ts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"{PageLayout.Encode(SlackAddresses.Message(doc.ChannelId, ts))}\">Open the doc in Slack</a>");
        }

        html.Append("</nav>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{doc.ShortId}: {PageLayout.Encode(doc.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{StatusBadge(doc)} <span class=\"muted\">{PageLayout.Encode(reader.ZoneNote)}</span></p>");

        html.Append("<dl class=\"facts\" id=\"facts\">");
        Fact(html, "Author", PageLayout.Encode(reader.Name(doc.AuthorId)));
        Fact(html, "Written", reader.TimeHtml(doc.CreatedAt));
        if (doc.EditedAt is { } editedAt)
        {
            Fact(html, "Edited", $"{reader.TimeHtml(editedAt)} ({(doc.Edits == 1 ? "once" : $"{doc.Edits} times")}; each change is noted in the Slack thread)");
        }

        Fact(html, doc.State == DecisionStatus.Open && doc.Deadline > now ? "Responses due" : "Responses closed", reader.TimeHtml(doc.Deadline));
        if (doc.DecidedAt is { } decidedAt)
        {
            Fact(html, "Decided", $"{reader.TimeHtml(decidedAt)} by {PageLayout.Encode(reader.Name(doc.DecidedBy ?? ""))}"
                + (doc.DecidedEarly ? $", early: {DecisionText.EarlyBecause(doc.Quorum)} before the response deadline" : ""));
        }
        else
        {
            Fact(html, "Decision planned", reader.TimeHtml(doc.DecisionDate));
        }

        if (doc.RevisitOn is { } revisit)
        {
            Fact(html, "Revisit by", $"<time datetime=\"{revisit:yyyy-MM-dd}\">{DecisionText.Day(revisit)}</time>");
        }

        foreach (var (term, other, link) in lineage)
        {
            Fact(html, term, link is null ? other.ToString() : $"<a href=\"{PageLayout.Encode(link.PathAndQuery)}\">{other}</a>");
        }

        Fact(html, "Review", PageLayout.Encode(Review(tally, doc)));
        html.Append("</dl>");

        RenderDecision(html, snapshot);
        RenderFollowUps(html, snapshot, reader);
        RenderReviewers(html, snapshot, reader);
        RenderConcerns(html, snapshot, reader);
        RenderExtensions(html, snapshot, reader);

        Section(html, "Problem Statement", doc.ProblemStatement);
        Section(html, "Options Considered", doc.Options);
        Section(html, "Analysis", doc.Analysis);
        Section(html, "Recommendation", doc.Recommendation);
        Section(html, "Questions for Team", doc.Questions);

        if (doc.State == DecisionStatus.Decided)
        {
            html.Append("<details id=\"record\"><summary>Decision record as Markdown (MADR), for your repository's docs/decisions</summary>");
            html.Append(CultureInfo.InvariantCulture, $"<pre>{PageLayout.Encode(DecisionRecord.ToMarkdown(snapshot, reader.Name))}</pre></details>");
        }

        return html.ToString();
    }

    internal static string StatusBadge(DecisionDoc doc) => doc.State switch
    {
        DecisionStatus.Open => "<span class=\"badge status-open\">open for review</span>",
        DecisionStatus.Closed => "<span class=\"badge status-closed\">review closed, not decided yet</span>",
        DecisionStatus.Decided => doc.SupersededBy is { } newer
            ? $"<span class=\"badge status-withdrawn\">superseded by {newer}</span>"
            : "<span class=\"badge status-decided\">decided</span>",
        DecisionStatus.Lapsed => "<span class=\"badge status-withdrawn\">lapsed, never decided</span>",
        _ => "<span class=\"badge status-withdrawn\">withdrawn</span>",
    };

    private static string Review(ReviewTally tally, DecisionDoc doc)
    {
        var parts = new List<string> { $"{tally.RespondedCount}/{tally.ReviewerCount} reviewers responded" };
        if (tally.Excused.Count > 0)
        {
            parts.Add($"{tally.Excused.Count} away, excused");
        }

        if (doc.Quorum == DecisionQuorum.Majority)
        {
            parts.Add($"{tally.Approvals} approved (a majority is needed)");
        }

        if (tally.OpenConcerns.Count > 0)
        {
            parts.Add(tally.OpenConcerns.Count == 1 ? "1 open concern" : $"{tally.OpenConcerns.Count} open concerns");
        }

        if (doc.ReviewOutcome is { } outcome)
        {
            parts.Add(outcome == DecisionOutcome.ReadyToDecide ? "ready to decide" : "needed a sync");
        }

        return string.Join(" · ", parts);
    }

    private static void RenderDecision(StringBuilder html, DecisionSnapshot snapshot)
    {
        var doc = snapshot.Doc;
        switch (doc.State)
        {
            case DecisionStatus.Decided:
                html.Append("<section class=\"notice\" id=\"decision\"><h2>Decision</h2>");
                html.Append(CultureInfo.InvariantCulture, $"<p><strong>Chosen option:</strong> {PageLayout.Encode(doc.DecidedOption)}</p>");
                if (!string.IsNullOrWhiteSpace(doc.Rationale))
                {
                    html.Append(CultureInfo.InvariantCulture, $"<h4>Why</h4><div class=\"md\">{MarkdownHtml.Render(doc.Rationale)}</div>");
                }

                html.Append("</section>");
                break;
            case DecisionStatus.Withdrawn:
                html.Append("<p class=\"notice\" id=\"decision\">Withdrawn by the author before a decision was made.</p>");
                break;
            case DecisionStatus.Lapsed:
                html.Append("<p class=\"notice\" id=\"decision\">Lapsed: no decision was recorded within two weeks of the response deadline.</p>");
                break;
            case DecisionStatus.Closed:
                html.Append("<p class=\"notice\" id=\"decision\">Responses are closed; the author hasn't recorded the decision yet.</p>");
                break;
        }
    }

    private static void RenderFollowUps(StringBuilder html, DecisionSnapshot snapshot, PageReader reader)
    {
        if (snapshot.FollowUps.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Follow-ups ({snapshot.FollowUps.Count})</h2>");
        html.Append("<table id=\"follow-ups\"><thead><tr><th>Owner</th><th>Follow-up</th><th>Due</th><th>In their weekly update</th></tr></thead><tbody>");
        foreach (var item in snapshot.FollowUps)
        {
            var due = item.DueOn is { } day ? $"<time datetime=\"{day:yyyy-MM-dd}\">{DecisionText.Day(day)}</time>" : "";
            var state = item.StartedAt is not null ? "<span class=\"ok\">started</span>"
                : item.PlannedAt is not null ? "planned for the week after"
                : "<span class=\"muted\">not yet</span>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{PageLayout.Encode(reader.Name(item.UserId))}</td><td>{PageLayout.Encode(item.Text)}</td><td>{due}</td><td>{state}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void RenderReviewers(StringBuilder html, DecisionSnapshot snapshot, PageReader reader)
    {
        var answers = snapshot.Responses.ToDictionary(r => r.ReviewerId, StringComparer.Ordinal);
        html.Append(CultureInfo.InvariantCulture, $"<h2>Reviewers ({snapshot.Reviewers.Count})</h2>");
        if (snapshot.Reviewers.Count == 0)
        {
            html.Append("<p class=\"muted\">No reviewers were named.</p>");
            return;
        }

        html.Append("<table id=\"reviewers\"><thead><tr><th>Reviewer</th><th>Response</th></tr></thead><tbody>");
        foreach (var reviewer in snapshot.Reviewers.OrderBy(reader.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var answer = !answers.ContainsKey(reviewer) && snapshot.Excused.TryGetValue(reviewer, out var away)
                ? $"<span class=\"muted\">{DecisionText.AwayWord(away)}, excused</span>"
                : answers.TryGetValue(reviewer, out var response)
                ? response.EarlierVersion
                    ? "<span class=\"muted\">approved an earlier version, asked to confirm</span>"
                    : $"<span class=\"{(response.Answer == ReviewerAnswer.Concern ? "bad" : response.Answer == ReviewerAnswer.Approve ? "ok" : "")}\">{AnswerWord(response.Answer)}</span>"
                : "<span class=\"muted\">no answer yet</span>";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{PageLayout.Encode(reader.Name(reviewer))}</td><td>{answer}</td></tr>");
        }

        html.Append("</tbody></table>");
        var silent = snapshot.Tally.NonResponders.Except(snapshot.ApprovedEarlierVersion).ToList();
        if (silent.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p id=\"not-answered\"><strong>Not answered ({silent.Count}):</strong> {string.Join(", ", silent.Select(id => PageLayout.Encode(reader.Name(id))))}</p>");
        }

        var others = snapshot.Responses.Where(r => !snapshot.Reviewers.Contains(r.ReviewerId)).ToList();
        if (others.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"muted\">Also answered (not counted): {string.Join(", ", others.Select(r => $"{PageLayout.Encode(reader.Name(r.ReviewerId))} ({AnswerWord(r.Answer)})"))}</p>");
        }
    }

    private static void RenderConcerns(StringBuilder html, DecisionSnapshot snapshot, PageReader reader)
    {
        if (snapshot.Concerns.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Concerns and questions ({snapshot.Concerns.Count})</h2><ul id=\"concerns\">");
        foreach (var concern in snapshot.Concerns)
        {
            var state = concern.ResolvedAt is null
                ? concern.IsBlocking ? " <span class=\"badge late\">open</span>" : ""
                : $" <span class=\"badge status-decided\">{(concern.IsHold ? "released" : "resolved")} by {PageLayout.Encode(reader.Name(concern.ResolvedBy ?? ""))}</span>";
            html.Append(CultureInfo.InvariantCulture,
                $"<li class=\"{(concern.IsBlocking && concern.ResolvedAt is null ? "blockers" : "")}\"><strong>{concern.Label}</strong> from "
                + $"{PageLayout.Encode(reader.Name(concern.AuthorId))}, {reader.TimeHtml(concern.CreatedAt)}{state}<div class=\"md\">{MarkdownHtml.Render(concern.Text)}</div></li>");
        }

        html.Append("</ul>");
    }

    private static void RenderExtensions(StringBuilder html, DecisionSnapshot snapshot, PageReader reader)
    {
        if (snapshot.Extensions.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>Deadline changes ({snapshot.Extensions.Count})</h2>");
        html.Append("<table id=\"extensions\"><thead><tr><th>When</th><th>Who</th><th>From</th><th>To</th><th>Why</th></tr></thead><tbody>");
        foreach (var moved in snapshot.Extensions)
        {
            var why = moved.InEdit ? "<span class=\"muted\">moved in an edit of the doc</span>"
                : moved.Reason.Length > 0 ? PageLayout.Encode(moved.Reason) : "<span class=\"muted\">no reason given</span>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{reader.TimeHtml(moved.CreatedAt)}</td><td>{PageLayout.Encode(reader.Name(moved.MovedBy))}</td><td>{reader.TimeHtml(moved.FromDeadline)}</td>"
                + $"<td>{reader.TimeHtml(moved.ToDeadline)}</td><td>{why}</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Section(StringBuilder html, string heading, string markdown)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2>{heading}</h2>");
        html.Append(string.IsNullOrWhiteSpace(markdown)
            ? "<p class=\"muted\">Not written.</p>"
            : $"<div class=\"md\">{MarkdownHtml.Render(markdown)}</div>");
    }

    private static void Fact(StringBuilder html, string term, string valueHtml) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{term}</dt><dd>{valueHtml}</dd>");

    private static string AnswerWord(ReviewerAnswer answer) => answer switch
    {
        ReviewerAnswer.Approve => "approved",
        ReviewerAnswer.Concern => "raised a concern",
        ReviewerAnswer.Question => "asked a question",
        ReviewerAnswer.Hold => "put it on hold",
        _ => "abstained",
    };
}

using System.Globalization;
using System.Text;
using AsyncLead.Web;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// A workspace's decision log: every doc, newest first, each linking to its page, with a plain GET form to filter by
/// status and search the text. The form submits to the page's own signed address; its fields travel in the query.
/// </summary>
public sealed class DecisionLogPage(DecisionStore store, DecisionAccess access, PageReaders readers, PageLinks links) : IWebPage
{
    public const int MaxShown = 200;

    private static readonly string[] Statuses = ["open", "closed", "decided", "withdrawn", "lapsed"];

    public string Kind => PageLinks.DecisionLogKind;

    public async Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken)
    {
        if (target.Key.Length != 0)
        {
            return null;
        }

        var filter = DecisionLogFilter.Parse(query["status"].FirstOrDefault(), query["q"].FirstOrDefault());
        // Private channels' docs only for their members: filtered before counting, so the page never hints at them.
        var docs = await access.VisibleAsync(target.WorkspaceId, target.ViewerId, null,
            await store.SearchAsync(target.WorkspaceId, filter, MaxShown * 2, cancellationToken), cancellationToken);
        var reader = await readers.LoadAsync(target, docs.Select(d => d.AuthorId), "UTC", "we don't know your time zone", cancellationToken);
        var rows = docs.Take(MaxShown).Select(doc => (Doc: doc, Link: links.DecisionFrom(target, doc.Id))).ToList();
        return PageLayout.Page("Decision log", Render(filter, rows, docs.Count > MaxShown, reader));
    }

    private static string Render(DecisionLogFilter filter, IReadOnlyList<(DecisionDoc Doc, Uri Link)> rows, bool more, PageReader reader)
    {
        var html = new StringBuilder("<h1>Decision log</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Every decision doc in this workspace, newest first. {PageLayout.Encode(reader.ZoneNote)}</p>");

        // No action attribute: the form submits to this very address, so the signed token stays in the path.
        html.Append("<form class=\"filters\" method=\"get\" role=\"search\">");
        html.Append("<label>Status<select name=\"status\"><option value=\"\">All</option>");
        var selected = filter.Status?.ToString().ToLowerInvariant();
        foreach (var status in Statuses)
        {
            var isSelected = status == selected ? " selected" : "";
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{status}\"{isSelected}>{char.ToUpperInvariant(status[0])}{status[1..]}</option>");
        }

        html.Append("</select></label>");
        html.Append(CultureInfo.InvariantCulture,
            $"<label>Search title and text<input type=\"search\" name=\"q\" maxlength=\"{DecisionLogFilter.MaxTextLength}\" value=\"{PageLayout.Encode(filter.Text)}\" placeholder=\"e.g. Postgres or DEC-12\"></label>");
        html.Append("<button type=\"submit\">Show</button></form>");

        foreach (var problem in filter.Problems)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"notice\" role=\"status\">{PageLayout.Encode(problem)}</p>");
        }

        var filtered = filter.Status is not null || filter.Text.Length > 0;
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"count\">{Count(rows.Count, more, filtered)}</p>");
        if (rows.Count == 0)
        {
            return html.ToString();
        }

        html.Append("<table class=\"stack\" id=\"log\"><thead><tr><th>Doc</th><th>Title</th><th>Status</th><th>Author</th><th>Date</th></tr></thead><tbody>");
        foreach (var (doc, link) in rows)
        {
            var href = PageLayout.Encode(link.PathAndQuery);
            var date = doc.DecidedAt is { } decided
                ? $"decided {reader.TimeHtml(decided, dateOnly: true)}"
                : $"{(doc.State == DecisionStatus.Open ? "due" : "deadline")} {reader.TimeHtml(doc.Deadline, dateOnly: true)}";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"{href}\">{doc.ShortId}</a></td><td><a href=\"{href}\">{PageLayout.Encode(doc.Title)}</a>{Supersedes(doc)}</td>"
                + $"<td>{DecisionPage.StatusBadge(doc)}</td><td data-label=\"by\">{PageLayout.Encode(reader.Name(doc.AuthorId))}</td><td>{date}</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string Supersedes(DecisionDoc doc) =>
        doc.Supersedes is { } old ? $" <span class=\"muted\">{(doc.State == DecisionStatus.Decided ? "supersedes" : "proposed to supersede")} {old}</span>" : "";

    private static string Count(int shown, bool more, bool filtered) => (shown, more, filtered) switch
    {
        (_, true, _) => $"Showing the newest {shown} docs. Narrow the search to see older ones.",
        (0, _, true) => "No docs match. <a href=\"?\">Show every doc</a>.",
        (0, _, false) => "No decision docs yet. Write one with <code>/decision</code> in Slack.",
        (1, _, _) => filtered ? "1 doc matches." : "1 doc.",
        _ => filtered ? $"{shown} docs match." : $"{shown} docs.",
    };
}

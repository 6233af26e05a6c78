using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AsyncLead.Web;

/// <summary>
/// People's Markdown as HTML for our pages: raw HTML is escaped, not rendered, and links keep only safe schemes, so
/// text written in Slack can never become script on a page (the pages' Content-Security-Policy is the second wall).
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseTaskLists()
        .UseListExtras()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    public static string Render(string? markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }

            // Pages load nothing from elsewhere (no tracking pixels either): an image is shown as a link to it.
            link.IsImage = false;
        }

        // An autolink (<javascript:…>) is a link too; an unsafe one keeps its text and loses its target.
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !a.IsEmail && !IsSafe(a.Url)).ToList())
        {
            var neutral = new LinkInline("#", string.Empty);
            neutral.AppendChild(new LiteralInline(autolink.Url));
            autolink.ReplaceBy(neutral);
        }

        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>
    /// Safe unless it names a scheme other than http, https or mailto. An allow-list, so case, entities (already decoded
    /// by Markdig), tabs or control characters inside a scheme make it unknown, hence unsafe.
    /// </summary>
    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        return !hasScheme || SafeSchemes.Contains(trimmed[..colon], StringComparer.OrdinalIgnoreCase);
    }
}

using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AsyncLead.Web;

/// <summary>The one HTML shell every page shares: readable, printable, phone-sized, no external assets.</summary>
public static class PageLayout
{
    private const string Styles = """
        :root { color-scheme: light dark; --fg: #1d1c1d; --muted: #616061; --line: #dddddd; --accent: #1264a3; --ok: #007a5a; --bad: #e01e5a; --bg: #ffffff; }
        @media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --muted: #a0a0a0; --line: #3a3a3a; --accent: #5aa7e6; --bg: #1a1d21; } }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 3rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
        a { color: var(--accent); } code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
        pre { overflow-x: auto; padding: .75rem; border: 1px solid var(--line); border-radius: 6px; }
        .muted { color: var(--muted); } .ok { color: var(--ok); } .bad { color: var(--bad); }
        table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
        h3 { font-size: 1.05rem; margin: 0 0 .25rem; } h4 { font-size: .95rem; margin: .75rem 0 .25rem; }
        img, table, pre { max-width: 100%; } .md, td, li, dd { overflow-wrap: anywhere; } .md > :first-child { margin-top: 0; } .md > :last-child { margin-bottom: 0; } .md + .md { margin-top: .75rem; }
        .badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; vertical-align: middle; white-space: nowrap; }
        .late, .status-closed { color: #b35c00; } .status-open { color: var(--accent); } .status-decided { color: var(--ok); } .status-withdrawn { color: var(--muted); }
        nav.pager { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin: .5rem 0 1rem; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; } dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
        .update { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; break-inside: avoid; }
        .blockers { border-left: 4px solid var(--bad); background: color-mix(in srgb, var(--bad) 8%, transparent); padding: .5rem .75rem; border-radius: 0 6px 6px 0; }
        .blockers h4, .blockers > h2 { color: var(--bad); margin-top: 0; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin: 1rem 0; } form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); flex: 1 1 10rem; }
        input, select, button { font: inherit; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); max-width: 100%; }
        button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); }
        .notice { border-left: 4px solid var(--accent); padding: .25rem .75rem; }
        @media (max-width: 40rem) {
          dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .5rem; }
          table.stack thead { display: none; } table.stack tr { display: block; padding: .5rem 0; border-bottom: 1px solid var(--line); }
          table.stack td { display: block; border: 0; padding: .1rem 0; } table.stack td[data-label]::before { content: attr(data-label) " "; color: var(--muted); }
        }
        @media print { a { color: inherit; text-decoration: none; } footer, nav.pager, form.filters { display: none; } .update { border-color: #999; } }
        """;

    public static string Render(string title, string bodyHtml) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{Encode(title)} · AsyncLead</title>
        <style>{Styles}</style>
        </head>
        <body>
        {bodyHtml}
        <footer>AsyncLead · async-first team updates and decisions for Slack</footer>
        </body>
        </html>
        """;

    // Every script may appear as itself (names, Markdown text); only characters that mean something in HTML are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>An HTML response that forbids scripts and external loads, so user text can never execute.</summary>
    public static IResult Page(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) =>
        new HtmlPageResult(Render(title, bodyHtml), statusCode);

    private sealed class HtmlPageResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.CacheControl = "no-store";
            return response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}

using System.Text.RegularExpressions;
using AsyncLead.Web;

namespace AsyncLead.Tests.Web;

public sealed class MarkdownHtmlTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("[click](javascript:alert(1))", "<a href=\"#\">click</a>")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "<a href=\"#\">click</a>")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "<a href=\"#\">data</a>")]
    [InlineData("<javascript:alert(1)>", "<a href=\"#\">javascript:alert(1)</a>")]
    [InlineData("see <JaVaScRiPt:alert(document.cookie)> now", "<a href=\"#\">JaVaScRiPt:alert(document.cookie)</a>")]
    [InlineData("<data:text/html;base64,PHNjcmlwdD4=>", "<a href=\"#\">data:text/html;base64,PHNjcmlwdD4=</a>")]
    [InlineData("<vbscript:msgbox(1)>", "<a href=\"#\">vbscript:msgbox(1)</a>")]
    [InlineData("**<javascript:alert(1)>**", "<strong><a href=\"#\">javascript:alert(1)</a></strong>")]
    [InlineData("[x](&#106;avascript:alert(1))", "<a href=\"#\">x</a>")]
    [InlineData("[x](java&#x09;script:alert(1))", "<a href=\"#\">x</a>")]
    [InlineData("[x](  javascript:alert(1))", "<a href=\"#\">x</a>")]
    [InlineData("[x](<javascript:alert(1)>)", "<a href=\"#\">x</a>")]
    [InlineData("[x](\u0001javascript:alert(1))", "<p>[x](\u0001javascript:alert(1))</p>")]
    [InlineData("<&#106;avascript:alert(1)>", "&lt;javascript:alert(1)&gt;")]
    public void Hostile_text_is_shown_not_run(string markdown, string expected)
    {
        var html = MarkdownHtml.Render(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // What was typed may be shown; no link may lead anywhere but our safe schemes.
        Assert.DoesNotMatch(new Regex(@"href=""(?!#""|https?:|mailto:|/)", RegexOptions.IgnoreCase), html);
    }

    [Fact]
    public void Ordinary_markdown_renders_as_people_expect()
    {
        var html = MarkdownHtml.Render("## Done\n- shipped **payouts**\n- ~~old~~ [runbook](https://wiki.example.com/a?b=1)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h2", html);
        Assert.Contains("<strong>payouts</strong>", html);
        Assert.Contains("<del>old</del>", html);
        Assert.Contains("<a href=\"https://wiki.example.com/a?b=1\">runbook</a>", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void An_image_becomes_a_link_so_a_page_never_loads_anything_from_elsewhere()
    {
        var html = MarkdownHtml.Render("![chart](https://tracker.example.com/pixel.png) and ![x](javascript:alert(1))");

        Assert.Contains("<a href=\"https://tracker.example.com/pixel.png\">chart</a>", html);
        Assert.Contains("<a href=\"#\">x</a>", html);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Safe_autolinks_still_link()
    {
        var html = MarkdownHtml.Render("<https://wiki.example.com/a> and <ops@example.com>");

        Assert.Contains("<a href=\"https://wiki.example.com/a\">https://wiki.example.com/a</a>", html);
        Assert.Contains("<a href=\"mailto:ops@example.com\">ops@example.com</a>", html);
    }

    [Fact]
    public void Relative_links_and_empty_text_are_fine()
    {
        Assert.Contains("href=\"/w/abc\"", MarkdownHtml.Render("[page](/w/abc)"));
        Assert.Equal(string.Empty, MarkdownHtml.Render(null));
    }
}

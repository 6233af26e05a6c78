using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Slack.Tests.Mrkdwn;

public sealed class MarkdownToMrkdwnTests
{
    public static TheoryData<string, string> Conversions => new()
    {
        // emphasis
        { "**bold**", "*bold*" },
        { "__bold__", "*bold*" },
        { "*italic*", "_italic_" },
        { "_italic_", "_italic_" },
        { "~~gone~~", "~gone~" },
        { "*it **bold** it*", "_it *bold* it_" },
        { "**bold *it* bold**", "*bold _it_ bold*" },
        { "**outer **inner** outer**", "*outer inner outer*" },
        { "a \\*not emphasis\\*", "a *not emphasis*" },

        // code
        { "use `a*b*<c>&d`", "use `a*b*&lt;c&gt;&amp;d`" },
        { "```\nlet x = a < b && *p;\n```", "```\nlet x = a &lt; b &amp;&amp; *p;\n```" },
        { "```csharp\nvar s = \"<b>*x*</b>\";\n```", "```\nvar s = \"&lt;b&gt;*x*&lt;/b&gt;\";\n```" },
        { "    indented *code*\n    <two>", "```\nindented *code*\n&lt;two&gt;\n```" },

        // links
        { "[Docs](https://example.com/a?x=1&y=2)", "<https://example.com/a?x=1&amp;y=2|Docs>" },
        { "[a <b> & c](https://e.com)", "<https://e.com|a &lt;b&gt; &amp; c>" },
        { "[**bold** label](https://e.com)", "<https://e.com|bold label>" },
        { "[x](https://e.com/a|b)", "<https://e.com/a%7Cb|x>" },
        { "[](https://e.com)", "<https://e.com>" },
        { "[https://e.com](https://e.com)", "<https://e.com>" },
        { "![diagram](https://e.com/d.png)", "<https://e.com/d.png|diagram>" },
        { "[ref][1]\n\n[1]: https://e.com/r", "<https://e.com/r|ref>" },
        { "<https://example.com/x?a=1&b=2>", "<https://example.com/x?a=1&amp;b=2>" },
        { "<someone@example.com>", "<mailto:someone@example.com|someone@example.com>" },

        // headings, breaks, quotes
        { "# Title", "*Title*" },
        { "### Title with **bold**", "*Title with bold*" },
        { "Title\n=====", "*Title*" },
        { "a\n\n---\n\nb", "a\n\n──────────\n\nb" },
        { "line one  \nline two", "line one\nline two" },
        { "line one\\\nline two", "line one\nline two" },
        { "line one\nline two", "line one\nline two" },
        { "first\n\nsecond", "first\n\nsecond" },
        { "> quoted\n> more", "> quoted\n> more" },
        { "> para one\n>\n> para two", "> para one\n> para two" },
        { "> - a\n> - b", "> • a\n> • b" },
        { "> 1 > 0", "> 1 &gt; 0" },

        // lists
        { "- one\n- two", "• one\n• two" },
        { "* one\n+ two", "• one\n\n• two" },
        { "1. one\n2. two", "1. one\n2. two" },
        { "3. three\n4. four", "3. three\n4. four" },
        { "2) two", "2. two" },
        { "- a\n  - b\n    - c\n- d", "• a\n    ◦ b\n        • c\n• d" },
        { "1. first\n   - sub\n2. second", "1. first\n    ◦ sub\n2. second" },
        { "- para one\n\n  para two", "• para one\n  para two" },
        { "- item\n  > q", "• item\n  > q" },
        { "- item\n\n  ```\n  x < y\n  ```", "• item\n  ```\n  x &lt; y\n  ```" },
        { "- [x] done", "• [x] done" },
        { "-", "•" },

        // Mentions of one person, channel links and dates survive; everything else is escaped
        { "<@U123> please review", "<@U123> please review" },
        { "<@U123|alice>, <#C123> and <#C123|general>", "<@U123|alice>, <#C123> and <#C123|general>" },

        // Broadcasts are shown as typed, never sent as broadcasts
        { "<!here> <!channel> <!subteam^S123> <!subteam^S123|@devs>", "&lt;!here&gt; &lt;!channel&gt; &lt;!subteam^S123&gt; &lt;!subteam^S123|@devs&gt;" },
        { "<!everyone> <!group> <!here|here> <!channel|all>", "&lt;!everyone&gt; &lt;!group&gt; &lt;!here|here&gt; &lt;!channel|all&gt;" },
        { "**<!channel>** [<!here>](https://x.example) `<!everyone>`", "*&lt;!channel&gt;* <https://x.example|&lt;!here&gt;> `&lt;!everyone&gt;`" },
        { "<@U123|<!here>>", "&lt;@U123|&lt;!here&gt;&gt;" },

        { "due <!date^1392734382^{date_short_pretty} at {time}|Feb 18, 2014>", "due <!date^1392734382^{date_short_pretty} at {time}|Feb 18, 2014>" },
        { "**<@U123>** owns this", "*<@U123>* owns this" },
        { "<@U_ALICE> in <#C_PAY>", "<@U_ALICE> in <#C_PAY>" },
        { "_ask <@U123|bob_smith>_", "_ask <@U123|bob_smith>_" },
        { "ping <@U123> about <div> & co", "ping <@U123> about &lt;div&gt; &amp; co" },
        { "`<@U123>` is how you write a mention", "`&lt;@U123&gt;` is how you write a mention" },
        { "<@lowercase> <#> <!nothere>", "&lt;@lowercase&gt; &lt;#&gt; &lt;!nothere&gt;" },

        // HTML is text, never markup
        { "<b>bold?</b>", "&lt;b&gt;bold?&lt;/b&gt;" },
        { "<div>\nblock html\n</div>", "&lt;div&gt;\nblock html\n&lt;/div&gt;" },
        { "<!-- comment -->", "&lt;!-- comment --&gt;" },
        { "Fish &amp; chips &copy; 2024", "Fish &amp; chips © 2024" },
        { "it's \"fine\"", "it's \"fine\"" },

        // nothing
        { "", "" },
        { "   \n  ", "" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Converts_markdown_to_mrkdwn(string markdown, string expected) =>
        Assert.Equal(expected, MarkdownToMrkdwn.Convert(markdown));

    [Fact]
    public void Source_already_holding_private_use_characters_keeps_them_and_its_tokens()
    {
        // U+E000 is the first placeholder candidate; the converter must pick another and leave this one alone.
        Assert.Equal("\uE000 <@U1> \uE001", MarkdownToMrkdwn.Convert("\uE000 <@U1> \uE001"));
    }

    [Fact]
    public void Converts_a_realistic_weekly_update()
    {
        const string markdown = """
            ## Completed
            - Shipped **reminder scheduling** for <#C0123ABCD|team-platform> (see [PR 412](https://git.example.com/pr/412?tab=files&view=split))
            - Fixed the `<Tooltip>` crash when `count > 0 && !loaded`
            - Paired with <@U0456EFGH> on the *DST* edge cases:
              1. spring forward skips 02:00-03:00
              2. fall back repeats 01:00-02:00
                 - we pick the **first** occurrence

            ## In Progress
            - Decision doc draft: ~~Redis~~ Postgres queue

            ## Blockers
            > Waiting on <!subteam^S0789IJKL|@sre> for the staging DB & its <credentials>.

            ## Next Week
            1. Load test with 10k members
            2. Write the runbook:
            ```bash
            psql "$DATABASE_URL" -c 'select * from jobs where attempts > 3;'
            ```

            Thanks <!here>!
            """;

        const string expected = """
            *Completed*

            • Shipped *reminder scheduling* for <#C0123ABCD|team-platform> (see <https://git.example.com/pr/412?tab=files&amp;view=split|PR 412>)
            • Fixed the `&lt;Tooltip&gt;` crash when `count &gt; 0 &amp;&amp; !loaded`
            • Paired with <@U0456EFGH> on the _DST_ edge cases:
                1. spring forward skips 02:00-03:00
                2. fall back repeats 01:00-02:00
                    • we pick the *first* occurrence

            *In Progress*

            • Decision doc draft: ~Redis~ Postgres queue

            *Blockers*

            > Waiting on &lt;!subteam^S0789IJKL|@sre&gt; for the staging DB &amp; its &lt;credentials&gt;.

            *Next Week*

            1. Load test with 10k members
            2. Write the runbook:

            ```
            psql "$DATABASE_URL" -c 'select * from jobs where attempts &gt; 3;'
            ```

            Thanks &lt;!here&gt;!
            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), MarkdownToMrkdwn.Convert(markdown.ReplaceLineEndings("\n")));
    }
}

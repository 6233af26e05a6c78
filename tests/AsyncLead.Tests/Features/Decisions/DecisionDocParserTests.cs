using AsyncLead.Features.Decisions;

namespace AsyncLead.Tests.Features.Decisions;

public sealed class DecisionDocParserTests
{
    [Fact]
    public void A_whole_pasted_doc_fills_title_and_sections()
    {
        const string doc = """
            # Use Postgres for the job queue

            ## Problem Statement
            We lose jobs when Redis restarts.

            ## Options Considered
            1. Keep Redis, turn on AOF
            2. Postgres with `FOR UPDATE SKIP LOCKED`

            ## Analysis
            Postgres is already in our stack.

            ## Recommendation
            Option 2.

            ## Questions for Team
            - Any objections to one table for all queues?
            """;

        Assert.Equal(
            new DecisionDocSections(
                "Use Postgres for the job queue",
                "We lose jobs when Redis restarts.",
                "1. Keep Redis, turn on AOF\n2. Postgres with `FOR UPDATE SKIP LOCKED`",
                "Postgres is already in our stack.",
                "Option 2.",
                "- Any objections to one table for all queues?"),
            DecisionDocParser.Parse(doc));
    }

    [Theory]
    [InlineData("### problem", "Problem")]
    [InlineData("# Context", "Problem")]
    [InlineData("## Context and Problem Statement", "Problem")]
    [InlineData("## Background", "Problem")]
    [InlineData("## OPTIONS", "Options")]
    [InlineData("## Alternatives considered", "Options")]
    [InlineData("## Considered Options", "Options")]
    [InlineData("#### Discussion", "Analysis")]
    [InlineData("## Proposal", "Recommendation")]
    [InlineData("## Recommended option", "Recommendation")]
    [InlineData("## Questions", "Questions")]
    [InlineData("## Open questions", "Questions")]
    [InlineData("## Questions for the team", "Questions")]
    [InlineData("## 1. Problem Statement:", "Problem")]
    [InlineData("## 🧭 Options", "Options")]
    [InlineData("## **Recommendation**", "Recommendation")]
    [InlineData("Recommendation\n--------------", "Recommendation")]
    public void Headings_of_any_level_and_common_synonyms_name_sections(string heading, string section)
    {
        var doc = DecisionDocParser.Parse($"{heading}\nbody text");

        Assert.Equal("body text", Section(doc, section));
    }

    [Fact]
    public void Unknown_headings_are_kept_with_their_text_at_the_end_of_the_analysis()
    {
        const string doc = """
            ## Problem
            Jobs get lost.
            ## Cost
            About $20 a month.
            ## Analysis
            Durable beats fast here.
            ## Risks
            Table bloat.
            ## Recommendation
            Postgres.
            """;

        var sections = DecisionDocParser.Parse(doc);

        Assert.Equal("Durable beats fast here.\n\n## Cost\nAbout $20 a month.\n## Risks\nTable bloat.", sections.Analysis);
        Assert.Equal("Jobs get lost.", sections.ProblemStatement);
        Assert.Equal("Postgres.", sections.Recommendation);
    }

    [Fact]
    public void Deeper_headings_stay_in_their_section()
    {
        const string doc = """
            ## Options Considered
            ### Option A: Redis
            Fast.

            ### Option B: Postgres
            Durable.
            ## Recommendation
            B
            """;

        var sections = DecisionDocParser.Parse(doc);

        Assert.Equal("### Option A: Redis\nFast.\n\n### Option B: Postgres\nDurable.", sections.OptionsConsidered);
        Assert.Equal("", sections.Analysis);
    }

    [Fact]
    public void Headings_inside_code_blocks_do_not_split()
    {
        const string doc = """
            ## Options
            Template we'd generate:
            ```markdown
            ## Recommendation
            (fill in)
            ```
            ## Recommendation
            Ship it.
            """;

        var sections = DecisionDocParser.Parse(doc);

        Assert.Equal("Template we'd generate:\n```markdown\n## Recommendation\n(fill in)\n```", sections.OptionsConsidered);
        Assert.Equal("Ship it.", sections.Recommendation);
    }

    [Fact]
    public void Only_a_leading_level_one_heading_is_the_title()
    {
        var untitled = DecisionDocParser.Parse("# Problem Statement\nslow builds\n# Appendix\nbuild logs");
        var secondLevel = DecisionDocParser.Parse("## Build cache\n## Problem\nslow builds");

        Assert.Equal("", untitled.Title);
        Assert.Equal("slow builds", untitled.ProblemStatement);
        Assert.Equal("# Appendix\nbuild logs", untitled.Analysis);
        Assert.Equal("", secondLevel.Title);
        Assert.Equal("## Build cache", secondLevel.Analysis);
    }

    [Fact]
    public void A_setext_title_and_windows_line_endings()
    {
        var sections = DecisionDocParser.Parse("Adopt OpenTelemetry\r\n===================\r\n\r\n## Problem\r\nNo traces.\r\n");

        Assert.Equal("Adopt OpenTelemetry", sections.Title);
        Assert.Equal("No traces.", sections.ProblemStatement);
    }

    [Fact]
    public void Text_before_the_first_section_is_context_for_the_problem_statement()
    {
        var sections = DecisionDocParser.Parse("# Title\nCI takes 40 minutes.\n\n## Problem\nMerges queue up.\n## Options\n- cache");

        Assert.Equal("CI takes 40 minutes.\n\nMerges queue up.", sections.ProblemStatement);
        Assert.Equal("- cache", sections.OptionsConsidered);
    }

    [Fact]
    public void Reference_style_link_definitions_stay_in_their_section()
    {
        const string doc = """
            ## Problem
            See [the RFC][rfc].

            [rfc]: https://example.com/rfc-42

            ## Options
            - [Kafka][k]

            [k]: https://kafka.apache.org
            """;

        var sections = DecisionDocParser.Parse(doc);

        Assert.Equal("See [the RFC][rfc].\n\n[rfc]: https://example.com/rfc-42", sections.ProblemStatement);
        Assert.Equal("- [Kafka][k]\n\n[k]: https://kafka.apache.org", sections.OptionsConsidered);
    }

    [Fact]
    public void A_doc_without_headings_is_all_problem_statement()
    {
        Assert.Equal(
            new DecisionDocSections("", "Should we move CI to self-hosted runners?", "", "", "", ""),
            DecisionDocParser.Parse("Should we move CI to self-hosted runners?\n"));
    }

    [Fact]
    public void An_empty_doc_has_empty_sections()
    {
        Assert.Equal(new DecisionDocSections("", "", "", "", "", ""), DecisionDocParser.Parse("  \n"));
    }

    private static string Section(DecisionDocSections doc, string name) => name switch
    {
        "Problem" => doc.ProblemStatement,
        "Options" => doc.OptionsConsidered,
        "Analysis" => doc.Analysis,
        "Recommendation" => doc.Recommendation,
        "Questions" => doc.QuestionsForTeam,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}

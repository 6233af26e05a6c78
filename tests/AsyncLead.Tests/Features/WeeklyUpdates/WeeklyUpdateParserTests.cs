using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class WeeklyUpdateParserTests
{
    [Fact]
    public void Label_lines_with_the_canonical_names()
    {
        const string text = """
            Completed: shipped the billing export
            In progress: invoice PDFs
            Blockers: waiting on legal review
            Next week: dunning emails
            """;

        Assert.Equal(
            new WeeklyUpdateSections("shipped the billing export", "invoice PDFs", "waiting on legal review", "dunning emails", ""),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Short_synonyms_done_wip_blocked_next()
    {
        Assert.Equal(
            new WeeklyUpdateSections("a", "b", "c", "d", ""),
            WeeklyUpdateParser.Parse("Done: a\nWIP: b\nBlocked: c\nNext: d"));
    }

    [Theory]
    [InlineData("out sick today", false)]
    [InlineData("Done with the migration, next I'll review PRs", false)]
    [InlineData("## Summary\nquiet week", false)]
    [InlineData("quiet week; Blocked: staging", true)]
    [InlineData("Notes: out Friday", true)]
    [InlineData("## Done\npayouts", true)]
    public void The_parser_says_whether_any_label_named_a_section(string text, bool expected)
    {
        WeeklyUpdateParser.Parse(text, out var labelled);

        Assert.Equal(expected, labelled);
    }

    [Theory]
    [InlineData("Done: payouts; Blocked: waiting on API keys; Next: refunds")]
    [InlineData("Done: payouts | Blocked: waiting on API keys | Next: refunds")]
    [InlineData("Done: payouts. Blocked: waiting on API keys. Next: refunds")]
    [InlineData("done: payouts;blocked: waiting on API keys;next: refunds")]
    public void The_one_line_form_from_the_help_starts_a_section_at_each_label(string text)
    {
        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal(["payouts", "waiting on API keys", "refunds"], [sections.Completed.TrimEnd('.'), sections.Blockers.TrimEnd('.'), sections.NextWeek]);
    }

    [Theory]
    [InlineData("Done: fixed it; next we ship the rest")]
    [InlineData("Done: bumped to v1.2. Then tidied up")]
    [InlineData("Done: wrote `a; Next: b` in the docs")]
    [InlineData("Done: http://x.example/a|b")]
    public void Text_that_only_looks_like_a_label_mid_line_stays_where_it_is(string text)
    {
        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal(text["Done: ".Length..], sections.Completed);
        Assert.Equal("", sections.NextWeek);
    }

    [Fact]
    public void A_mid_line_label_after_unlabelled_text_and_in_a_list_item_starts_its_section()
    {
        var sections = WeeklyUpdateParser.Parse("Done:\n- payouts; WIP: refunds\nfixed login; Blocked: bank keys");

        Assert.Equal("- payouts", sections.Completed);
        Assert.Equal("refunds\nfixed login", sections.InProgress);
        Assert.Equal("bank keys", sections.Blockers);
    }

    [Theory]
    [InlineData("Shipped: x", "Completed")]
    [InlineData("Finished: x", "Completed")]
    [InlineData("Complete - x", "Completed")]
    [InlineData("Accomplished: x", "Completed")]
    [InlineData("Doing: x", "InProgress")]
    [InlineData("Working on: x", "InProgress")]
    [InlineData("Ongoing: x", "InProgress")]
    [InlineData("Progress: x", "InProgress")]
    [InlineData("in-progress: x", "InProgress")]
    [InlineData("Blockers: x", "Blockers")]
    [InlineData("Blocker: x", "Blockers")]
    [InlineData("Blocked by: x", "Blockers")]
    [InlineData("Impediments: x", "Blockers")]
    [InlineData("next week\nx", "NextWeek")]
    [InlineData("Up next: x", "NextWeek")]
    [InlineData("Next up: x", "NextWeek")]
    [InlineData("Todo: x", "NextWeek")]
    [InlineData("TO-DO - x", "NextWeek")]
    [InlineData("Plans:\nx", "NextWeek")]
    [InlineData("Plan: x", "NextWeek")]
    [InlineData("Coming up: x", "NextWeek")]
    public void Common_synonyms_map_to_their_section(string text, string section)
    {
        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal("x", Section(sections, section));
        Assert.Equal("", sections.Notes);
    }

    [Fact]
    public void Labels_are_case_insensitive()
    {
        var sections = WeeklyUpdateParser.Parse("COMPLETED: a\nin PROGRESS: b\nnExT WeEk: c");

        Assert.Equal(new WeeklyUpdateSections("a", "b", "", "c", ""), sections);
    }

    [Fact]
    public void Markdown_headings_of_any_level_with_bullets()
    {
        const string text = """
            ## Completed
            - Shipped the billing export
            - Fixed the flaky settlement test

            ### In progress
            - Invoice PDFs

            # Blockers
            - Waiting on legal review

            #### Next Week
            - Dunning emails
            """;

        Assert.Equal(
            new WeeklyUpdateSections(
                "- Shipped the billing export\n- Fixed the flaky settlement test",
                "- Invoice PDFs",
                "- Waiting on legal review",
                "- Dunning emails",
                ""),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Bold_lines_work_as_headings()
    {
        const string text = """
            **Done**
            • rolled out feature flags
            **Blockers:** none
            **Next week**
            • clean up old flags
            """;

        Assert.Equal(
            new WeeklyUpdateSections("• rolled out feature flags", "", "none", "• clean up old flags", ""),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Italic_and_underscore_emphasis_around_labels()
    {
        Assert.Equal(
            new WeeklyUpdateSections("a", "b", "", "", ""),
            WeeklyUpdateParser.Parse("*Done*\na\n_WIP_: b"));
    }

    [Fact]
    public void Slack_pasted_bullets_under_labels()
    {
        const string text = """
            Done:
            • Migrated payments to the new queue
            • Reviewed 4 PRs
            WIP:
            • Refund flow
            Blocked:
            • Need prod DB access (ticket OPS-231)
            Next:
            • Load test refunds
            """;

        Assert.Equal(
            new WeeklyUpdateSections(
                "• Migrated payments to the new queue\n• Reviewed 4 PRs",
                "• Refund flow",
                "• Need prod DB access (ticket OPS-231)",
                "• Load test refunds",
                ""),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Slack_bullets_that_carry_labels_keep_the_bullet()
    {
        Assert.Equal(
            new WeeklyUpdateSections("• search v2", "• ranking", "", "", ""),
            WeeklyUpdateParser.Parse("• Done: search v2\n• WIP: ranking"));
    }

    [Fact]
    public void Mixed_headings_and_labels_with_a_greeting_kept_as_notes()
    {
        const string text = """
            Hi all, short week for me.

            ## Completed
            - onboarding checklist
            WIP: access reviews
            ### Blockers
            none
            Plans: SOC 2 evidence
            """;

        Assert.Equal(
            new WeeklyUpdateSections("- onboarding checklist", "access reviews", "none", "SOC 2 evidence", "Hi all, short week for me."),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Emoji_and_shortcodes_before_labels_are_dropped_but_note_lines_are_kept_whole()
    {
        const string text = """
            ✅ Done: shipped search
            🚧 WIP: indexing
            🛑 Blockers: none
            ➡️ Next: ranking
            :memo: Notes: demo on Tuesday
            """;

        Assert.Equal(
            new WeeklyUpdateSections("shipped search", "indexing", "none", "ranking", ":memo: Notes: demo on Tuesday"),
            WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Trailing_emoji_on_a_heading_still_names_the_section()
    {
        Assert.Equal(
            new WeeklyUpdateSections("- launch", "", "", "- retro", ""),
            WeeklyUpdateParser.Parse("## Done 🎉\n- launch\n## **Next week** :rocket:\n- retro"));
    }

    [Fact]
    public void Windows_line_endings()
    {
        Assert.Equal(
            new WeeklyUpdateSections("a\n- b", "", "", "c", ""),
            WeeklyUpdateParser.Parse("Done: a\r\n- b\r\nNext: c\r\n"));
    }

    [Fact]
    public void Nested_bullets_stay_inside_their_section()
    {
        const string text = """
            ## In progress
            - Payments
              - refunds API
              - webhooks
            - Search
            ## Next week
            - more of the same
            """;

        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal("- Payments\n  - refunds API\n  - webhooks\n- Search", sections.InProgress);
        Assert.Equal("- more of the same", sections.NextWeek);
    }

    [Fact]
    public void A_label_must_open_the_line()
    {
        var sections = WeeklyUpdateParser.Parse("I'm done: finally shipped the export\nDone: the import");

        Assert.Equal("the import", sections.Completed);
        Assert.Equal("I'm done: finally shipped the export", sections.Notes);
    }

    [Theory]
    [InlineData("Done with the migration, finally!")]
    [InlineData("Next, I'll look at search")]
    [InlineData("Plan B didn't work out")]
    [InlineData("Blocked by the holidays, mostly")]
    [InlineData("Donezo: everything")]
    [InlineData("WIP-ish: prototypes")]
    public void A_label_word_without_a_separator_is_just_text(string line)
    {
        Assert.Equal(WeeklyUpdateSections.Empty with { Notes = line }, WeeklyUpdateParser.Parse(line));
    }

    [Fact]
    public void Code_blocks_never_split_a_section()
    {
        const string text = """
            Blockers:
            ```
            Blocked: ECONNREFUSED 10.0.0.5:5432
            ## Next week
            ```
            Next: fix the pool
            """;

        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal("```\nBlocked: ECONNREFUSED 10.0.0.5:5432\n## Next week\n```", sections.Blockers);
        Assert.Equal("fix the pool", sections.NextWeek);
    }

    [Fact]
    public void Text_on_the_label_line_and_the_lines_after_it_belong_to_the_section()
    {
        var sections = WeeklyUpdateParser.Parse("Completed: the export\nand the import\n\nIn progress: PDFs");

        Assert.Equal("the export\nand the import", sections.Completed);
        Assert.Equal("PDFs", sections.InProgress);
    }

    [Fact]
    public void A_label_after_a_list_is_found_even_though_markdown_folds_it_into_the_last_item()
    {
        var sections = WeeklyUpdateParser.Parse("Done:\n- shipped X\n- fixed Y\nWIP: Z\n  - nested under Z");

        Assert.Equal("- shipped X\n- fixed Y", sections.Completed);
        Assert.Equal("Z\n  - nested under Z", sections.InProgress);
    }

    [Fact]
    public void Labels_as_top_level_list_items()
    {
        var sections = WeeklyUpdateParser.Parse("- Done: export\n- WIP: import\n- Blocked: none\n- Next: PDFs");

        Assert.Equal(new WeeklyUpdateSections("- export", "- import", "- none", "- PDFs", ""), sections);
        Assert.Empty(sections.BlockerItems);
    }

    [Fact]
    public void Label_list_items_with_nested_bullets()
    {
        const string text = """
            - Done:
              - export
              - import
            - Next:
              - PDFs
            """;

        Assert.Equal(new WeeklyUpdateSections("- export\n- import", "", "", "- PDFs", ""), WeeklyUpdateParser.Parse(text));
    }

    [Fact]
    public void Labels_inside_nested_items_are_content()
    {
        var sections = WeeklyUpdateParser.Parse("Done:\n- export\n  - Next: ask finance about the format");

        Assert.Equal("- export\n  - Next: ask finance about the format", sections.Completed);
        Assert.Equal("", sections.NextWeek);
    }

    [Fact]
    public void Spaced_dash_separator_and_a_bare_label()
    {
        var sections = WeeklyUpdateParser.Parse("WIP - refactoring the scheduler\nBlocked -\nneed a review from Sam");

        Assert.Equal("refactoring the scheduler", sections.InProgress);
        Assert.Equal("need a review from Sam", sections.Blockers);
    }

    [Fact]
    public void Risks_end_the_blockers_and_stay_in_notes_as_written()
    {
        var sections = WeeklyUpdateParser.Parse("Blockers: waiting on vendor\nRisks: vendor may slip to December\nmitigation: mock it");

        Assert.Equal("waiting on vendor", sections.Blockers);
        Assert.Equal("Risks: vendor may slip to December\nmitigation: mock it", sections.Notes);
        Assert.Equal(["waiting on vendor"], sections.BlockerItems);
    }

    [Fact]
    public void A_repeated_section_is_appended_as_a_new_paragraph()
    {
        var sections = WeeklyUpdateParser.Parse("Done: a\nWIP: b\nDone: c");

        Assert.Equal("a\n\nc", sections.Completed);
        Assert.Equal("b", sections.InProgress);
    }

    [Fact]
    public void A_dashed_separator_is_not_read_as_a_heading_underline()
    {
        var sections = WeeklyUpdateParser.Parse("Done: a\nWIP: b\n---\nBlocked: none\n\n***\nNext: c");

        Assert.Equal(new WeeklyUpdateSections("a", "b", "none", "c", ""), sections);
    }

    [Fact]
    public void Unknown_headings_are_sub_headings_when_deeper_and_notes_otherwise()
    {
        const string text = """
            ## Completed
            - the export
            ### Details
            It streams now.
            ## Random thoughts
            We should try pairing.
            """;

        var sections = WeeklyUpdateParser.Parse(text);

        Assert.Equal("- the export\n### Details\nIt streams now.", sections.Completed);
        Assert.Equal("## Random thoughts\nWe should try pairing.", sections.Notes);
    }

    [Fact]
    public void Any_unknown_heading_ends_a_section_opened_by_a_label()
    {
        var sections = WeeklyUpdateParser.Parse("Done: the export\n#### Misc\nlunch on Friday");

        Assert.Equal("the export", sections.Completed);
        Assert.Equal("#### Misc\nlunch on Friday", sections.Notes);
    }

    [Fact]
    public void A_heading_may_carry_its_content()
    {
        Assert.Equal("none", WeeklyUpdateParser.Parse("## Blockers: none").Blockers);
    }

    [Fact]
    public void Quoted_labels_are_content_but_a_lazy_line_after_the_quote_is_a_label()
    {
        var sections = WeeklyUpdateParser.Parse("> Done: quoted from last week\nDone: this week");

        Assert.Equal("this week", sections.Completed);
        Assert.Equal("> Done: quoted from last week", sections.Notes);
    }

    [Fact]
    public void Reference_style_link_definitions_stay_where_they_were_written()
    {
        var sections = WeeklyUpdateParser.Parse("Done: [the export][pr]\n\n[pr]: https://git.example.com/pr/7\nNext: PDFs");

        Assert.Equal("[the export][pr]\n\n[pr]: https://git.example.com/pr/7", sections.Completed);
        Assert.Equal("PDFs", sections.NextWeek);
    }

    [Fact]
    public void Plain_text_without_sections_is_all_notes()
    {
        const string text = "Mostly interviews this week.\n\nBack to the export on Monday.";

        Assert.Equal(WeeklyUpdateSections.Empty with { Notes = text }, WeeklyUpdateParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\r\n")]
    [InlineData("Done:\nWIP:\nBlocked:\nNext week:")]
    [InlineData("## Completed\n\n## In progress\n   \n")]
    public void Whitespace_only_updates_are_empty(string text)
    {
        Assert.True(WeeklyUpdateParser.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("Blockers: none")]
    [InlineData("just a note")]
    public void Any_text_makes_an_update_non_empty(string text)
    {
        Assert.False(WeeklyUpdateParser.Parse(text).IsEmpty);
    }

    private static string Section(WeeklyUpdateSections sections, string name) => name switch
    {
        "Completed" => sections.Completed,
        "InProgress" => sections.InProgress,
        "Blockers" => sections.Blockers,
        "NextWeek" => sections.NextWeek,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}

using AsyncLead.Features.Decisions;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>The pure pieces: the doc message, outcome notes, the Markdown record and the command's pre-fill.</summary>
public sealed class DecisionFormattingTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Three_reviewers_the_deadline_moved_for_read_as_a_sentence()
    {
        Assert.StartsWith(":calendar: Moved to the Thursday after, so that <@U1>, <@U2> and <@U3> have at least",
            DecisionText.DeadlineMoved(["U1", "U2", "U3"]));
        Assert.Contains("so that <@U1> has at least", DecisionText.DeadlineMoved(["U1"]));
    }

    [Fact]
    public void A_long_section_is_split_over_several_section_blocks_each_within_slacks_limit()
    {
        var longAnalysis = string.Join("\n\n", Enumerable.Range(1, 120).Select(i => $"Paragraph {i}: the queue must survive restarts and deploys."));

        var message = DecisionMessage.Doc(Snapshot(Doc() with { Analysis = longAnalysis }), Now);

        var sections = message.Blocks.OfType<SectionBlock>().Select(s => s.Text!.Text).ToList();
        Assert.True(sections.Count(s => s.Contains("Paragraph", StringComparison.Ordinal)) >= 3);
        Assert.All(sections, s => Assert.True(s.Length <= BlockKitLimits.SectionText));
        Assert.Contains(sections, s => s.Contains("Paragraph 120:", StringComparison.Ordinal));
    }

    [Fact]
    public void Angle_brackets_and_ampersands_in_a_section_are_escaped_so_they_cannot_form_links()
    {
        var message = DecisionMessage.Doc(Snapshot(Doc() with { ProblemStatement = "a < b & c > d" }), Now);

        var problem = message.Blocks.OfType<SectionBlock>().Single(s => s.Text!.Text.StartsWith("*Problem Statement*", StringComparison.Ordinal));
        Assert.Equal("*Problem Statement*\na &lt; b &amp; c &gt; d", problem.Text!.Text);
    }

    [Fact]
    public void The_status_line_and_buttons_follow_the_doc_through_its_life()
    {
        var open = DecisionMessage.Doc(Snapshot(Doc()), Now);
        var closed = DecisionMessage.Doc(Snapshot(Doc() with { Status = "closed", Outcome = "needs_sync" }), Deadline);
        var withdrawn = DecisionMessage.Doc(Snapshot(Doc() with { Status = "withdrawn" }), Now);

        Assert.Equal("DEC-7: Queue — 0/2 responded · due Thu 17:00", open.Text);
        Assert.Equal("DEC-7: Queue — 0/2 responded · closed Thu 17:00 · needs a sync", closed.Text);
        Assert.Equal("DEC-7: Queue — 0/2 responded · due Thu 17:00 · withdrawn", withdrawn.Text);
        Assert.Equal(2, open.Blocks.OfType<ActionsBlock>().Count());
        // Closed, the author decides, or still extends or withdraws.
        Assert.Equal(["decision_decide", "decision_extend", "decision_withdraw"],
            Assert.Single(closed.Blocks.OfType<ActionsBlock>()).Elements.OfType<ButtonElement>().Select(b => b.ActionId));
        Assert.Empty(withdrawn.Blocks.OfType<ActionsBlock>());
    }

    [Fact]
    public void The_sync_note_lists_only_reviewers_open_concerns_and_who_did_not_answer()
    {
        var snapshot = Snapshot(Doc(),
            responses: [new ReviewerResponse("U_B", ReviewerAnswer.Concern)],
            concerns:
            [
                Concern(1, "U_B", "No rollback plan"),
                Concern(2, "U_OUTSIDER", "I have opinions"),
                Concern(3, "U_B", "Resolved one", resolved: true),
            ]);

        var note = DecisionText.Outcome(snapshot);

        Assert.Equal(
            ":speech_balloon: *Needs a 20-minute sync.* Responses are closed (1/2 responded).\nOpen concerns:\n• <@U_B>: No rollback plan\nDid not answer: <@U_C>",
            note);
    }

    [Fact]
    public void An_undecided_doc_exports_as_a_proposed_record_without_empty_sections()
    {
        var markdown = DecisionRecord.ToMarkdown(Snapshot(Doc() with { Options = "", Analysis = "" }), id => id == "U_B" ? "Ben \"B\" #1" : "Cleo");

        Assert.StartsWith("---\nstatus: \"proposed\"\n", markdown);
        Assert.Contains("## Decision Outcome\n\nNot decided yet.\n", markdown);
        Assert.DoesNotContain("## Considered Options", markdown);
        // Quoted, so a name with quotes or a '#' stays one YAML string.
        Assert.Contains("consulted: \"Ben \\\"B\\\" #1 (no answer), Cleo (no answer)\"\n", markdown);
    }

    [Theory]
    [InlineData("Adopt Postgres", "Adopt Postgres", "")]
    [InlineData("Use `pg` #2 for jobs", "Use `pg` #2 for jobs", "")]
    [InlineData("## Problem Statement\nSlow builds", "", "Slow builds")]
    [InlineData("# Faster CI\nBuilds take 40 minutes.", "Faster CI", "Builds take 40 minutes.")]
    public void The_command_text_is_a_title_unless_it_is_a_markdown_doc(string text, string title, string problem)
    {
        var sections = DecisionCommand.Prefill(text);

        Assert.Equal(title, sections.Title);
        Assert.Equal(problem, sections.ProblemStatement);
    }

    private static DecisionDoc Doc() => new()
    {
        Id = 7, WorkspaceId = "T1", Number = 7, ChannelId = "C1", AuthorId = "U_A", AuthorTz = "Europe/Berlin", Title = "Queue",
        ProblemStatement = "Jobs get lost.", Options = "1. Redis\n2. Postgres", Analysis = "Postgres is already here.",
        Deadline = Deadline, DecisionDate = Deadline.AddHours(16), CreatedAt = Now,
    };

    private static DecisionConcern Concern(long id, string author, string text, bool resolved = false) => new()
    {
        Id = id, DecisionId = 7, AuthorId = author, Text = text, CreatedAt = Now, ResolvedAt = resolved ? Now : null, ResolvedBy = resolved ? "U_A" : null,
    };

    private static DecisionSnapshot Snapshot(DecisionDoc doc, IReadOnlyList<ReviewerResponse>? responses = null, IReadOnlyList<DecisionConcern>? concerns = null) =>
        new(doc, ["U_B", "U_C"], responses ?? [], concerns ?? []);
}

using System.Net;
using AsyncLead.Tests.Infrastructure;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary><c>/decision list</c>, <c>/decision DEC-n</c>, <c>/decision export DEC-n</c> and help, all private.</summary>
public sealed class ListShowExportTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_list_shows_open_docs_with_local_deadlines_and_recent_decisions()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await DecideFirstDocAsync(team);
        await team.AlicePostsDocAsync("Adopt OpenTelemetry", ("Response deadline", Thursday.AddDays(7)), ("Decision date", Thursday.AddDays(8)));

        var list = await team.DaveUser.RunsCommandAsync("/decision", "list");

        Assert.Equal("ephemeral", list.Json?["response_type"]?.GetValue<string>());
        var text = list.Json!["text"]!.GetValue<string>();
        Assert.Contains("*Open decision docs*\n• DEC-2 *Adopt OpenTelemetry* in <#C_ARCH> — due <!date^" + Thursday.AddDays(7).ToUnixTimeSeconds() + "^", text);
        Assert.Contains("0/2 responded", text);
        Assert.Contains("*Recent decisions*\n• DEC-1 *Move the job queue to Postgres* — decided <!date^", text);
        Assert.Contains(": Postgres", text);
    }

    [Fact]
    public async Task An_empty_workspace_lists_nothing_and_says_how_to_start()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);

        var list = await team.DaveUser.RunsCommandAsync("/decision", "list");

        Assert.Equal("No decision docs yet. Write one with `/decision`.", list.Json?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task Showing_one_doc_gives_its_status_tally_deadlines_and_a_link()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var doc = await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");

        var shown = (await team.DaveUser.RunsCommandAsync("/decision", "dec-1")).Json!["text"]!.GetValue<string>();

        Assert.Contains("DEC-1 *Move the job queue to Postgres* by <@U_ALICE> in <#C_ARCH> — open", shown);
        Assert.Contains("1/2 responded · due Thu 17:00", shown);
        Assert.Contains("Responses due <!date^" + Thursday.ToUnixTimeSeconds(), shown);
        Assert.Contains($"<https://slack.com/archives/C_ARCH/p{doc.Ts.Replace(".", "", StringComparison.Ordinal)}|Open the doc>", shown);

        var missing = await team.DaveUser.RunsCommandAsync("/decision", "DEC-99");
        Assert.Contains("There is no DEC-99", missing.Json?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_decided_doc_exports_as_a_markdown_record_that_parses_back_with_the_madr_sections()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await DecideFirstDocAsync(team);

        var export = await team.DaveUser.RunsCommandAsync("/decision", "export DEC-1");

        var text = export.Json!["text"]!.GetValue<string>();
        Assert.StartsWith("DEC-1 as a Markdown decision record:\n```\n", text);
        var markdown = WebUtility.HtmlDecode(text[(text.IndexOf("```\n", StringComparison.Ordinal) + 4)..^3]);
        // MADR 4 front matter: names, not Slack ids; the reviewers as consulted, with their answers.
        Assert.StartsWith("---\nstatus: \"accepted\"\ndate: ", markdown);
        Assert.Contains("\ndecision-makers: \"alice\"\nconsulted: \"bob (approved), carol (raised a concern)\"\ninformed: ", markdown);
        var document = Markdown.Parse(markdown[(markdown.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5)..]);
        var headings = document.Descendants<HeadingBlock>().Select(h => (h.Level, Plain(h))).ToList();
        Assert.Equal(
        [
            (1, "DEC-1: Move the job queue to Postgres"),
            (2, "Context and Problem Statement"),
            (2, "Considered Options"),
            (2, "Recommendation"),
            (2, "Decision Outcome"),
            (3, "Consequences"),
            (2, "More Information"),
        ], headings);
        Assert.DoesNotContain("U_", markdown);
        Assert.Contains("Chosen option: \"Postgres with SKIP LOCKED\", because:\n\nFewer moving parts & durable.", markdown);
        Assert.Contains("* Concern from carol (resolved by alice): Vacuum <load>", markdown);
    }

    [Fact]
    public async Task Help_lists_every_subcommand()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);

        var help = (await team.DaveUser.RunsCommandAsync("/decision", "help")).Json!["text"]!.GetValue<string>();

        Assert.All(["`/decision`", "`/decision list`", "`/decision DEC-12`", "`/decision export DEC-12`"], command => Assert.Contains(command, help));
    }

    // DEC-1: Bob approves, Carol's concern is resolved by Alice, and Alice decides after the deadline.
    private static async Task DecideFirstDocAsync(DecisionTeam team)
    {
        await team.AlicePostsDocAsync();
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.CarolUser.SubmitsViewAsync(("Your concern", "Vacuum <load>"));
        await team.Scenario.RunJobsAsync();
        await team.AliceUser.ClicksAsync(team.Thread()[0], "decision_resolve");
        await team.Scenario.AdvanceAsync(Thursday - team.Scenario.Clock.GetUtcNow());
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        await team.AliceUser.SubmitsViewAsync(("Chosen option", "Postgres with SKIP LOCKED"), ("Rationale", "Fewer moving parts & durable."));
        await team.Scenario.RunJobsAsync();
    }

    private static string Plain(HeadingBlock heading) =>
        string.Concat(heading.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
}

using System.Text.Json.Nodes;
using AsyncLead.Slack.WebApi;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>Writing a doc: the modal, its defaults, validation, and the post in the channel.</summary>
public sealed class CreatingDocsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // Monday 17 Nov 2025, 09:00 in Berlin.
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    // "End of day Thursday" in Alice's zone: Thu 20 Nov 17:00 Berlin; the decision is due the next morning.
    private static readonly DateTimeOffset ThursdayFivePmBerlin = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FridayNineAmBerlin = new(2025, 11, 21, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alice_writes_a_doc_in_the_modal_and_it_is_posted_with_sections_reviewers_local_deadlines_and_buttons()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;

        var ack = await team.AliceUser.RunsCommandAsync("/decision");
        var modal = scenario.Slack.OpenModalFor(Alice)!;
        Assert.Equal("decision_doc", modal.CallbackId);
        Assert.Equal(ThursdayFivePmBerlin.ToUnixTimeSeconds(), Initial(modal, "deadline", "initial_date_time"));
        Assert.Equal(FridayNineAmBerlin.ToUnixTimeSeconds(), Initial(modal, "decision_date", "initial_date_time"));
        Assert.Null(ack.Json);

        await team.AliceUser.SubmitsViewAsync(
            ("Title", "Move the job queue to Postgres"),
            ("Problem Statement", "Jobs in Redis are **lost** on restart & nobody <notices>."),
            ("Options Considered", "1. Keep Redis\n2. Postgres with `SKIP LOCKED`"),
            ("Reviewers", new[] { Bob, Carol }));
        Assert.Empty(scenario.Slack.Messages(Channel));
        await scenario.RunJobsAsync();

        var doc = Assert.Single(scenario.Slack.Messages(Channel));
        var text = doc.VisibleText;
        Assert.Contains("DEC-1 · Move the job queue to Postgres", text);
        Assert.Contains("*Problem Statement*\nJobs in Redis are *lost* on restart &amp; nobody &lt;notices&gt;.", text);
        Assert.Contains("*Options Considered*", text);
        Assert.DoesNotContain("*Analysis*", text);
        Assert.Contains("Reviewers: <@U_BOB>, <@U_CAROL>", text);
        Assert.Contains($"Responses due <!date^{ThursdayFivePmBerlin.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|", text);
        Assert.Contains($". Decision <!date^{FridayNineAmBerlin.ToUnixTimeSeconds()}^", text);
        Assert.Contains("0/2 responded · due Thu 17:00", text);
        Assert.Equal(["decision_approve", "decision_concern", "decision_question", "decision_abstain", "decision_hold", "decision_edit", "decision_extend", "decision_withdraw"], ActionIds(doc));
        Assert.Equal("asynclead_decision", doc.Metadata?["event_type"]?.GetValue<string>());

        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(doc.Ts, await connection.ExecuteScalarAsync<string>("SELECT message_ts FROM decisions WHERE number = 1"));
    }

    [Fact]
    public async Task Decision_title_typed_after_the_command_fills_the_title()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;

        await team.AliceUser.RunsCommandAsync("/decision", "Adopt OpenTelemetry for tracing");

        Assert.Equal("Adopt OpenTelemetry for tracing", InitialText(scenario.Slack.OpenModalFor(Alice)!, "title"));
        Assert.Null(InitialText(scenario.Slack.OpenModalFor(Alice)!, "problem"));
    }

    [Fact]
    public async Task A_whole_doc_pasted_as_markdown_fills_every_section_and_keeps_unknown_headings_under_analysis()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;
        const string pasted = """
            # Pick a feature-flag service
            ## Problem Statement
            Flags live in config files.
            ## Options Considered
            - LaunchDarkly
            - Our own table
            ## Analysis
            Cost matters.
            ## Costs
            $2k a month.
            ## Recommendation
            Our own table.
            ## Questions for Team
            Who owns it?
            """;

        await team.AliceUser.RunsCommandAsync("/decision", pasted);

        var modal = scenario.Slack.OpenModalFor(Alice)!;
        Assert.Equal("Pick a feature-flag service", InitialText(modal, "title"));
        Assert.Equal("Flags live in config files.", InitialText(modal, "problem"));
        Assert.Equal("- LaunchDarkly\n- Our own table", InitialText(modal, "options"));
        Assert.Equal("Cost matters.\n\n## Costs\n$2k a month.", InitialText(modal, "analysis"));
        Assert.Equal("Our own table.", InitialText(modal, "recommendation"));
        Assert.Equal("Who owns it?", InitialText(modal, "questions"));

        await team.AliceUser.SubmitsViewAsync(("Reviewers", new[] { Bob }));
        await scenario.RunJobsAsync();
        Assert.Contains("*Costs*", team.Doc().VisibleText);
        Assert.Contains("DEC-1 · Pick a feature-flag service", team.Doc().VisibleText);
    }

    [Fact]
    public async Task A_deadline_too_soon_no_reviewers_an_empty_problem_and_a_decision_before_the_deadline_are_field_errors_and_nothing_is_posted()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;
        await team.AliceUser.RunsCommandAsync("/decision");

        var tooSoon = await team.AliceUser.SubmitsViewAsync(
            ("Title", "Rename the service"),
            ("Problem Statement", "   "),
            ("Reviewers", new[] { Alice }),
            ("Response deadline", Monday.AddMinutes(30)),
            ("Decision date", Monday.AddMinutes(10)));

        Assert.Equal("errors", tooSoon.Json?["response_action"]?.GetValue<string>());
        var errors = tooSoon.Json!["errors"]!.AsObject();
        Assert.Equal(["deadline", "decision_date", "problem", "reviewers"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("at least an hour", errors["deadline"]!.GetValue<string>());
        Assert.Contains("reviewer", errors["reviewers"]!.GetValue<string>());

        var past = await team.AliceUser.SubmitsViewAsync(
            ("Title", "Rename the service"),
            ("Problem Statement", "Names confuse people."),
            ("Reviewers", new[] { Bob }),
            ("Response deadline", Monday.AddHours(-1)),
            ("Decision date", Monday.AddDays(3)));
        Assert.Contains("in the past", past.Json!["errors"]!["deadline"]!.GetValue<string>());
        Assert.Null(past.Json["errors"]!["decision_date"]);

        await scenario.RunJobsAsync();
        Assert.Empty(scenario.Slack.Messages(Channel));
        Assert.Equal("decision_doc", scenario.Slack.OpenModalFor(Alice)?.CallbackId);
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decisions"));
    }

    [Fact]
    public async Task In_a_channel_the_bot_is_not_in_alice_is_asked_to_invite_it_and_no_modal_opens()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;
        scenario.Slack.AddChannel("C_SECRET", "secret-plans", members: [Alice], botIsMember: false);

        var answer = await scenario.AnswerToAsync(team.AliceUser.In("C_SECRET"), "/decision", "Hire a designer");

        Assert.Contains("/invite @AsyncLead", answer, StringComparison.Ordinal);
        Assert.Null(scenario.Slack.OpenModalFor(Alice));
    }

    [Fact]
    public async Task When_slack_fails_while_posting_the_doc_is_kept_and_posted_once_slack_recovers()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;
        scenario.Slack.Faults.ServerError("chat.postMessage", times: 6);

        await team.AliceUser.RunsCommandAsync("/decision");
        await team.AliceUser.SubmitsViewAsync(("Title", "Retire the monolith"), ("Problem Statement", "It is slow."), ("Reviewers", new[] { Bob }));
        await scenario.RunJobsAsync();
        Assert.Empty(scenario.Slack.Messages(Channel));

        for (var i = 0; i < 10 && scenario.Slack.Messages(Channel).Count == 0; i++)
        {
            await scenario.AdvanceAsync(TimeSpan.FromMinutes(5));
        }

        var doc = Assert.Single(scenario.Slack.Messages(Channel));
        Assert.Contains("DEC-1 · Retire the monolith", doc.VisibleText);
        Assert.True(scenario.Slack.Calls("chat.postMessage").Count(c => !c.Ok) >= 1);
    }

    [Fact]
    public async Task Two_docs_in_one_workspace_get_consecutive_short_ids()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var scenario = team.Scenario;

        await team.AlicePostsDocAsync("First");
        await team.AlicePostsDocAsync("Second");

        Assert.Contains("DEC-1 · First", team.Doc("First").VisibleText);
        Assert.Contains("DEC-2 · Second", team.Doc("Second").VisibleText);
    }

    internal static long? Initial(Sandbox.Slack.FakeView view, string blockId, string property) =>
        Block(view, blockId)["element"]?[property]?.GetValue<long>();

    internal static string? InitialText(Sandbox.Slack.FakeView view, string blockId) =>
        Block(view, blockId)["element"]?["initial_value"]?.GetValue<string>();

    internal static string[] ActionIds(Sandbox.Slack.FakeMessage message) =>
        [.. message.Blocks.OfType<JsonObject>()
            .Where(b => b["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Select(e => e["action_id"]!.GetValue<string>())];

    private static JsonObject Block(Sandbox.Slack.FakeView view, string blockId) =>
        view.Blocks.OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == blockId);
}

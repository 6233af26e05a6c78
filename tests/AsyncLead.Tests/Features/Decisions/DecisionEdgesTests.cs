using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>The edges: people outside the review, a bot removed from the channel, docs created at the same moment.</summary>
public sealed class DecisionEdgesTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Thursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_concern_from_someone_who_is_not_a_reviewer_is_posted_but_never_blocks_the_decision()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.DaveUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.DaveUser.SubmitsViewAsync(("Your concern", "I'd rather use Kafka"));
        await team.ClicksAndJobsRunAsync(team.BobUser, "decision_approve");
        await team.ClicksAndJobsRunAsync(team.CarolUser, "decision_approve");

        Assert.Contains("*Concern* from <@U_DAVE>", team.Thread()[0].VisibleText);
        Assert.Contains("2/2 responded · due", team.Doc().VisibleText);

        await team.Scenario.AdvanceAsync(Thursday - Monday);
        Assert.Contains("*Ready to decide.*", team.Thread().Last().Text);
    }

    [Fact]
    public async Task When_the_bot_is_removed_before_the_post_the_doc_is_kept_and_alice_is_told_to_invite_it()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AliceUser.RunsCommandAsync("/decision");
        await team.AliceUser.SubmitsViewAsync(("Title", "Kill the cron box"), ("Problem Statement", "It is a pet."), ("Reviewers", new[] { Bob }));
        team.Slack.SetBotMembership(Channel, isMember: false);

        await team.Scenario.RunJobsAsync();

        Assert.Empty(team.Slack.Messages(Channel));
        Assert.Contains("because I'm not in that channel", Assert.Single(team.Slack.Messages(Alice)).Text);
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal("Kill the cron box", await connection.ExecuteScalarAsync<string>("SELECT title FROM decisions"));
    }

    [Fact]
    public async Task Two_people_creating_docs_at_the_same_moment_get_different_short_ids()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var store = team.Scenario.Host.Services.GetRequiredService<AsyncLead.Features.Decisions.DecisionStore>();
        AsyncLead.Features.Decisions.NewDecision Doc(string title) => new(
            SlackScenario.TeamId, Channel, Alice, "Europe/Berlin", new(title, "Why", "", "", "", ""), [Bob], Thursday, Thursday.AddHours(16));

        var created = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => store.CreateAsync(Doc($"Doc {i}"), CancellationToken.None)));

        Assert.Equal(Enumerable.Range(1, 8), created.Select(d => d!.Number).Order());
    }
    [Theory]
    [InlineData("T_OTHER", null)]
    [InlineData(null, "not-a-number")]
    public async Task A_forged_click_from_another_workspace_or_with_a_malformed_value_changes_nothing(string? fromTeam, string? value)
    {
        await using var team = await DecisionTeam.StartAsync(database, new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        await team.AlicePostsDocAsync();
        await using var connection = database.DataSource.CreateConnection();
        var docId = await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");

        var response = await team.Scenario.Simulator.SendInteractionAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new System.Text.Json.Nodes.JsonObject { ["id"] = fromTeam ?? SlackScenario.TeamId, ["domain"] = "x" },
            ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = DecisionTeam.Bob, ["username"] = "bob", ["team_id"] = fromTeam ?? SlackScenario.TeamId },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["container"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "message", ["message_ts"] = team.Doc().Ts, ["channel_id"] = DecisionTeam.Channel },
            ["actions"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "button", ["action_id"] = "decision_approve", ["block_id"] = "b", ["action_ts"] = "1.2",
                ["value"] = value ?? docId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }),
        });
        await team.Scenario.RunJobsAsync();

        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decision_responses"));
    }
}

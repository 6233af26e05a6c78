using System.Globalization;
using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A form submitted from another workspace never reaches this workspace's doc, even with a doc id and a user id that
/// match (on Enterprise Grid one person has the same id in every workspace of the org).
/// </summary>
public sealed class WorkspaceBoundaryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string OtherWorkspace = "T_GLOBEX";
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 11, 21, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Extend_submitted_from_another_workspace_is_refused_on_the_field_and_changes_nothing()
    {
        await using var team = await StartInTwoWorkspacesAsync();

        var response = await SubmitFromOtherWorkspaceAsync(team, "decision_extend", await DocIdAsync(), new JsonObject
        {
            ["deadline"] = Field("deadline", new JsonObject { ["type"] = "datetimepicker", ["selected_date_time"] = Friday.ToUnixTimeSeconds() }),
        });
        await team.Scenario.RunJobsAsync();

        Assert.Equal("Only the doc's author can extend it.", response.Json?["errors"]?["deadline"]?.GetValue<string>());
        Assert.Equal(new DateTimeOffset(2025, 11, 20, 16, 0, 0, TimeSpan.Zero), await DeadlineAsync());
        Assert.Empty(team.Thread());
    }

    [Fact]
    public async Task A_concern_submitted_from_another_workspace_is_refused_and_nothing_is_recorded()
    {
        await using var team = await StartInTwoWorkspacesAsync();

        var response = await SubmitFromOtherWorkspaceAsync(team, "decision_comment", $"{await DocIdAsync()}:Concern", new JsonObject
        {
            ["text"] = Field("text", new JsonObject { ["type"] = "plain_text_input", ["value"] = "Block this" }),
        });
        await team.Scenario.RunJobsAsync();

        Assert.Equal("This doc isn't in this workspace.", response.Json?["errors"]?["text"]?.GetValue<string>());
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decision_concerns"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decision_responses"));
        Assert.Empty(team.Thread());
    }

    [Fact]
    public async Task Recording_a_decision_from_another_workspace_is_refused_on_the_field()
    {
        await using var team = await StartInTwoWorkspacesAsync();
        await team.Scenario.AdvanceAsync(new DateTimeOffset(2025, 11, 20, 16, 1, 0, TimeSpan.Zero) - Monday);

        var response = await SubmitFromOtherWorkspaceAsync(team, "decision_record", await DocIdAsync(), new JsonObject
        {
            ["option"] = Field("option", new JsonObject { ["type"] = "plain_text_input", ["value"] = "Option A" }),
            ["rationale"] = Field("rationale", new JsonObject { ["type"] = "plain_text_input", ["value"] = "because" }),
        });
        await team.Scenario.RunJobsAsync();

        Assert.Equal("Only the doc's author can record the decision.", response.Json?["errors"]?["option"]?.GetValue<string>());
        await using var connection = database.DataSource.CreateConnection();
        Assert.Null(await connection.ExecuteScalarAsync<string?>("SELECT decided_option FROM decisions"));
    }

    private async Task<DecisionTeam> StartInTwoWorkspacesAsync()
    {
        var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.AddWorkspace(OtherWorkspace, "xoxb-globex-token", name: "Globex");
        await team.AlicePostsDocAsync();
        return team;
    }

    private static JsonObject Field(string actionId, JsonObject value) => new() { [actionId] = value };

    private async Task<string> DocIdAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        return (await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions")).ToString(CultureInfo.InvariantCulture);
    }

    private async Task<DateTimeOffset> DeadlineAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        return DateTimeOffset.FromUnixTimeSeconds(await connection.ExecuteScalarAsync<long>("SELECT extract(epoch FROM deadline)::bigint FROM decisions"));
    }

    // Signed and shaped as Slack sends a view_submission; only the workspace differs from Alice's own.
    private static Task<AsyncLead.Sandbox.Simulation.SlackResponse> SubmitFromOtherWorkspaceAsync(
        DecisionTeam team, string callbackId, string privateMetadata, JsonObject values) =>
        team.Scenario.Simulator.SendInteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = OtherWorkspace, ["domain"] = "globex" },
            ["user"] = new JsonObject { ["id"] = Alice, ["username"] = "alice", ["name"] = "alice", ["team_id"] = OtherWorkspace },
            ["api_app_id"] = team.Slack.AppId,
            ["token"] = team.Slack.VerificationToken,
            ["trigger_id"] = "1.2.globex",
            ["view"] = new JsonObject
            {
                ["id"] = "V_GLOBEX",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata,
                ["state"] = new JsonObject { ["values"] = values },
            },
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
        });
}

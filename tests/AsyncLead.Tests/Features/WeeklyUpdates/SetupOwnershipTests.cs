using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>Once a team exists its setup belongs to its lead and the workspace's admins; handing the lead over is explicit.</summary>
public sealed class SetupOwnershipTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Admin = "U_ADA";

    [Fact]
    public async Task A_member_who_is_not_the_lead_sees_the_setup_read_only_and_who_the_lead_is()
    {
        await using var s = await StartWithTeamAsync();

        Assert.True((await s.Alice().RunsCommandAsync(Command, "setup")).IsSuccess);

        var modal = s.Slack.OpenModalFor("U_ALICE")!.Json;
        Assert.Null(modal["submit"]);
        var shown = System.Text.RegularExpressions.Regex.Unescape(modal["blocks"]!.ToJsonString());
        Assert.Contains("Only <@U_LENA> (the team's lead) or a workspace admin can change this team's setup.", shown, StringComparison.Ordinal);
        Assert.Contains("Friday 10:00 (Europe/Berlin)", shown, StringComparison.Ordinal);
        Assert.Equal("U_LENA", await LeadAsync());
    }

    [Fact]
    public async Task The_lead_hands_the_role_over_in_setup_and_then_sees_it_read_only_while_the_new_lead_may_edit()
    {
        await using var s = await StartWithTeamAsync();

        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("Lead", "U_ALICE"));

        Assert.Equal("U_ALICE", await LeadAsync());
        await s.Lena().RunsCommandAsync(Command, "setup");
        Assert.Null(s.Slack.OpenModalFor("U_LENA")!.Json["submit"]);
        await s.Alice().RunsCommandAsync(Command, "setup");
        Assert.NotNull(s.Slack.OpenModalFor("U_ALICE")!.Json["submit"]);
    }

    [Fact]
    public async Task A_workspace_admin_may_change_a_teams_setup_and_the_lead_stays_the_lead()
    {
        await using var s = await StartWithTeamAsync();

        await s.SetsUpWeeklyUpdatesAsync(s.User(Admin, Channel), ("Stand-up minutes per day", "30"));

        Assert.Equal("U_LENA", await LeadAsync());
        await using var connection = database.DataSource.CreateConnection();
        Assert.Equal(30, await connection.ExecuteScalarAsync<int>("SELECT standup_minutes FROM team_channels"));
    }

    [Fact]
    public async Task A_form_opened_before_the_lead_role_moved_on_is_refused_when_saved()
    {
        await using var s = await StartWithTeamAsync();
        await s.Lena().RunsCommandAsync(Command, "setup");
        await s.SetsUpWeeklyUpdatesAsync(s.User(Admin, Channel), ("Lead", "U_ALICE"));

        var stale = await s.Lena().SubmitsViewAsync(("Stand-up minutes per day", "5"));

        Assert.Equal("Only <@U_ALICE> (the team's lead) or a workspace admin can change this team's setup.", stale.Json?["errors"]?["lead"]?.GetValue<string>());
        Assert.Equal("U_ALICE", await LeadAsync());
        await using var connection = database.DataSource.CreateConnection();
        Assert.NotEqual(5, await connection.ExecuteScalarAsync<int>("SELECT standup_minutes FROM team_channels"));
    }

    private async Task<SlackScenario> StartWithTeamAsync()
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddUser(Admin, "ada", tz: "Europe/London", isAdmin: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        return s;
    }

    private async Task<string> LeadAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<string>("SELECT lead_user_id FROM team_channels") ?? "";
    }
}

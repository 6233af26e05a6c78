using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// A doc written in a private channel is read only by that channel's members, its author and its reviewers: in
/// <c>/decision list</c>, <c>DEC-n</c>, <c>export</c>, the decision log (and its search) and the doc's page.
/// Alice writes in #leads (private: Alice and Carol) for reviewer Bob; Dave is in neither.
/// </summary>
public sealed class PrivateDocsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Leads = "C_LEADS";
    private const string Title = "Reorganise the platform team";
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Outsiders_see_no_trace_of_a_private_doc_in_list_show_or_export_and_members_and_reviewers_do()
    {
        await using var team = await StartAsync();
        await PostPrivateDocAsync(team);

        Assert.DoesNotContain(Title, await TextAsync(team.DaveUser.RunsCommandAsync("/decision", "list")));
        Assert.StartsWith("There is no DEC-1 that you can see", await TextAsync(team.DaveUser.RunsCommandAsync("/decision", "DEC-1")));
        Assert.StartsWith("There is no DEC-1 that you can see", await TextAsync(team.DaveUser.RunsCommandAsync("/decision", "export DEC-1")));
        Assert.StartsWith("There is no DEC-1 that you can see", await TextAsync(team.Scenario.User(Dave, Dave).RunsCommandAsync("/decision", "DEC-1")));

        Assert.Contains(Title, await TextAsync(team.CarolUser.RunsCommandAsync("/decision", "list")));
        Assert.Contains($"DEC-1 *{Title}* by <@U_ALICE>", await TextAsync(team.BobUser.RunsCommandAsync("/decision", "DEC-1")));
        Assert.Contains(Title, await TextAsync(team.Scenario.User(Carol, Leads).RunsCommandAsync("/decision", "export DEC-1")));
    }

    [Fact]
    public async Task Until_the_channel_is_learned_its_doc_is_shown_only_in_the_channel_itself()
    {
        await using var team = await StartAsync();
        Assert.True((await team.Scenario.User(Alice, Leads).RunsCommandAsync("/decision")).IsSuccess);
        await team.Scenario.User(Alice, Leads).SubmitsViewAsync(("Title", Title), ("Problem Statement", "Two teams own the same queue."), ("Reviewers", new[] { Bob }));

        // No job has run: nobody knows yet whether #leads is private, so elsewhere it counts as private.
        Assert.DoesNotContain(Title, await TextAsync(team.CarolUser.RunsCommandAsync("/decision", "list")));
        Assert.Contains(Title, await TextAsync(team.Scenario.User(Carol, Leads).RunsCommandAsync("/decision", "list")));
    }

    [Fact]
    public async Task The_decision_log_and_the_doc_page_hide_a_private_doc_from_outsiders()
    {
        await using var team = await StartAsync();
        await PostPrivateDocAsync(team);
        var links = team.Scenario.Host.Services.GetRequiredService<PageLinks>();
        var id = await DocIdAsync();

        var (_, forDave) = await GetAsync(team, links.DecisionLog(SlackScenario.TeamId, Dave));
        var (_, searchedByDave) = await GetAsync(team, new Uri(links.DecisionLog(SlackScenario.TeamId, Dave) + "?q=reorganise"));
        var (_, forCarol) = await GetAsync(team, links.DecisionLog(SlackScenario.TeamId, Carol));
        Assert.DoesNotContain(Title, forDave);
        Assert.DoesNotContain(Title, searchedByDave);
        Assert.Contains(Title, forCarol);

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(team, links.Decision(SlackScenario.TeamId, id, Dave))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync(team, links.Decision(SlackScenario.TeamId, id, null))).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(team, links.Decision(SlackScenario.TeamId, id, Carol))).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(team, links.Decision(SlackScenario.TeamId, id, Bob))).Status);
    }

    [Fact]
    public async Task Joining_the_channel_shows_the_doc_and_leaving_it_hides_it_again()
    {
        await using var team = await StartAsync();
        await PostPrivateDocAsync(team);

        Assert.Equal(HttpStatusCode.OK, (await MembershipEventAsync(team, "member_joined_channel", Dave)).Status);
        Assert.Contains(Title, await TextAsync(team.DaveUser.RunsCommandAsync("/decision", "list")));

        Assert.Equal(HttpStatusCode.OK, (await MembershipEventAsync(team, "member_left_channel", Carol)).Status);
        Assert.DoesNotContain(Title, await TextAsync(team.CarolUser.RunsCommandAsync("/decision", "list")));
        // Bob was never in the channel; as a named reviewer he still sees the doc he was asked about.
        Assert.Contains(Title, await TextAsync(team.BobUser.RunsCommandAsync("/decision", "list")));
    }

    [Fact]
    public async Task A_doc_in_a_public_channel_is_listed_for_everyone_wherever_they_ask()
    {
        await using var team = await StartAsync();
        await team.AlicePostsDocAsync("Move the job queue to Postgres");

        Assert.Contains("Move the job queue to Postgres", await TextAsync(team.Scenario.User(Dave, Dave).RunsCommandAsync("/decision", "list")));
        var learned = team.Slack.Calls("conversations.info").Count(call => call.Arg("channel") == Channel);
        await TextAsync(team.Scenario.User(Dave, Dave).RunsCommandAsync("/decision", "list"));
        await team.Scenario.RunJobsAsync();
        Assert.Equal(learned, team.Slack.Calls("conversations.info").Count(call => call.Arg("channel") == Channel));
    }

    private async Task<DecisionTeam> StartAsync()
    {
        var team = await DecisionTeam.StartAsync(database, Monday);
        team.Slack.AddChannel(Leads, "leads", members: [Alice, Carol], botIsMember: true, isPrivate: true);
        return team;
    }

    private static async Task PostPrivateDocAsync(DecisionTeam team)
    {
        var alice = team.Scenario.User(Alice, Leads);
        Assert.True((await alice.RunsCommandAsync("/decision")).IsSuccess);
        var submitted = await alice.SubmitsViewAsync(("Title", Title), ("Problem Statement", "Two teams own the same queue."), ("Reviewers", new[] { Bob }));
        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        await team.Scenario.RunJobsAsync();
    }

    private static async Task<string> TextAsync(Task<SlackResponse> response) =>
        (await response).Json?["text"]?.GetValue<string>() ?? "";

    private static Task<SlackResponse> MembershipEventAsync(DecisionTeam team, string type, string userId) =>
        team.Scenario.Simulator.SendEventAsync(team.Scenario.Simulator.EventCallback(new JsonObject
        {
            ["type"] = type,
            ["user"] = userId,
            ["channel"] = Leads,
            ["channel_type"] = "G",
            ["team"] = SlackScenario.TeamId,
        }));

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(DecisionTeam team, Uri? link)
    {
        Assert.NotNull(link);
        using var response = await team.Scenario.Host.Http.GetAsync(link.PathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<long> DocIdAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");
    }
}

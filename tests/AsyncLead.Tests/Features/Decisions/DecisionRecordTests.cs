using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>Records people can use: every extension is kept (who, from, to, why) and listed on the page and in the export.</summary>
public sealed class DecisionRecordTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 11, 21, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alice_s_extension_is_kept_with_its_reason_and_listed_on_the_page_and_in_the_record()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AlicePostsDocAsync();
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");
        await team.AliceUser.SubmitsViewAsync(("New response deadline", Friday), ("Why", "Waiting for the <load test>"));
        await team.Scenario.RunJobsAsync();
        await team.Scenario.AdvanceAsync(Friday - Monday);
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        await team.AliceUser.SubmitsViewAsync(("Chosen option", "Postgres"), ("Rationale", "It is **durable**:\n\n- one store\n- one backup"));
        await team.Scenario.RunJobsAsync();

        var export = (await team.BobUser.RunsCommandAsync("/decision", "export DEC-1")).Json!["text"]!.GetValue<string>();
        Assert.Contains("* alice moved the response deadline from 2025-11-20 to 2025-11-21: Waiting for the &lt;load test&gt;.", export);
        Assert.Contains("*Rationale:* It is *durable*:", team.Doc().VisibleText);

        long id;
        await using (var connection = database.DataSource.CreateConnection())
        {
            id = await connection.ExecuteScalarAsync<long>("SELECT id FROM decisions");
        }

        var link = team.Scenario.Host.Services.GetRequiredService<PageLinks>().Decision(SlackScenario.TeamId, id, Bob);
        var html = await team.Scenario.Host.Http.GetStringAsync(link!.PathAndQuery);
        Assert.Contains("<h2>Deadline changes (1)</h2>", html);
        Assert.Matches("<tr><td><time[^>]*>[^<]*</time></td><td>alice</td><td><time datetime=\"2025-11-20T16:00:00Z\">[^<]*</time></td>"
            + "<td><time datetime=\"2025-11-21T16:00:00Z\">[^<]*</time></td><td>Waiting for the &lt;load test&gt;</td></tr>", html);
        Assert.Contains("<li>one store</li>", html);
    }
}

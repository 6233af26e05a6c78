using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// Broadcasts typed anywhere into a doc's life (title, every section, a concern, a question, an extension's reason, the
/// decision and its rationale, command arguments) are shown as text and never reach Slack as a broadcast, on every
/// surface the doc appears: the channel message, its thread, reminders, Home, and the command answers.
/// </summary>
public sealed class DecisionBroadcastTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Friday = new(2025, 11, 21, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Broadcasts_typed_into_a_doc_its_answers_and_its_decision_are_shown_as_text_everywhere_the_bot_posts()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        var acks = new List<SlackResponse>();

        acks.Add(await team.AliceUser.RunsCommandAsync("/decision"));
        acks.Add(await team.AliceUser.SubmitsViewAsync(
            ("Title", "<!channel> Pick a queue @channel"),
            ("Problem Statement", "Jobs are lost <!here> and <!here|here>"),
            ("Options Considered", "1. <!everyone>\n2. **<!group>**"),
            ("Analysis", "> <!subteam^S0SRE|@sre> should weigh in"),
            ("Recommendation", "[<!channel>](https://example.com) or `<!here>`"),
            ("Questions for Team", "- @here @everyone, thoughts?"),
            ("Reviewers", new[] { Bob, Carol })));
        await team.Scenario.RunJobsAsync();
        var doc = team.Doc().VisibleText;
        Assert.Contains("&lt;!channel&gt; Pick a queue", doc, StringComparison.Ordinal);
        Assert.Contains("Jobs are lost &lt;!here&gt; and &lt;!here|here&gt;", doc, StringComparison.Ordinal);
        Assert.Contains("&lt;!subteam^S0SRE|@sre&gt;", doc, StringComparison.Ordinal);

        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.BobUser.SubmitsViewAsync(("Your concern", "<!everyone> this loses jobs"));
        await team.CarolUser.ClicksAsync(team.Doc(), "decision_question");
        await team.CarolUser.SubmitsViewAsync(("Your question", "<!subteam^S0SRE> agree?"));
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");
        await team.AliceUser.SubmitsViewAsync(("New response deadline", Friday), ("Why", "<!here> waiting for the load test"));
        await team.Scenario.RunJobsAsync();
        Assert.Contains("&lt;!everyone&gt; this loses jobs", team.Thread()[0].VisibleText, StringComparison.Ordinal);

        await team.Scenario.AdvanceAsync(Friday - Monday + TimeSpan.FromMinutes(1));
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_decide");
        await team.AliceUser.SubmitsViewAsync(("Chosen option", "<!channel> Postgres"), ("Rationale", "<!everyone> one less part, @here"));
        await team.Scenario.RunJobsAsync();
        Assert.Contains("*Decided:* &lt;!channel&gt; Postgres", team.Doc().VisibleText, StringComparison.Ordinal);

        acks.Add(await team.AliceUser.RunsCommandAsync("/decision", "list"));
        acks.Add(await team.AliceUser.RunsCommandAsync("/decision", "DEC-1"));
        acks.Add(await team.AliceUser.RunsCommandAsync("/decision", "export DEC-1"));
        acks.Add(await team.AliceUser.RunsCommandAsync("/decision", "export <!channel>"));
        acks.Add(await team.AliceUser.RunsCommandAsync("/decision", "<!here> next title"));
        await team.Scenario.RunJobsAsync();

        Assert.All(acks, ack => Assert.True(ack.IsSuccess, ack.ToString()));
        var inAcks = acks.SelectMany(ack => SlackBroadcasts.In(ack.Json).Select(token => $"{token} in {ack}")).ToList();
        Assert.True(inAcks.Count == 0, string.Join("\n", inAcks));
        Assert.True(team.Slack.Broadcasts().Count == 0, string.Join("\n", team.Slack.Broadcasts()));
    }
}

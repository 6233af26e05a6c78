using System.Diagnostics;
using AsyncLead.Tests.Infrastructure;
using Xunit.Abstractions;
using static AsyncLead.Tests.Reliability.TeamOnHostProcesses;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// <c>kill -9</c> of a host while its Slack posts are in flight: Slack has posted them, the host never heard back and
/// never stored a ts. After a restart every prompt and thread post arrives, none twice.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class KilledHostTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int People = 200;
    private const int Writers = 5;
    private const int PostsInFlightAtKill = 8;

    // Long enough that nothing in flight is answered before the kill, short of the client's 10 s attempt timeout.
    private static readonly TimeSpan SlackAnswersAfter = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_host_killed_while_its_posts_are_in_flight_delivers_every_prompt_and_reply_once_after_restart()
    {
        await using var team = await StartAsync(database, People);
        var first = (await team.StartHostsAsync(1, Lease)).Single();
        await team.LeadSetsUpWeeklyUpdatesAsync(first);
        var writers = team.People.Skip(1).Take(Writers).ToList();
        team.Slack.Faults.SlowAnswer(SlackAnswersAfter, "chat.postMessage");
        foreach (var writer in writers)
        {
            var ack = await team.Person(first, writer).RunsCommandAsync(Command, $"Done: shipped item {writer}");
            Assert.True(ack.IsSuccess, ack.ToString());
        }

        await team.PromptTimeArrivesAsync();
        // Slack has taken a thread reply and a batch of prompts; the host is still waiting for the answers.
        await team.Slack.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Arg("thread_ts") is not null, TimeSpan.FromSeconds(60));
        await WaitUntilAsync(() => Task.FromResult(PromptCalls(team) >= PostsInFlightAtKill), TimeSpan.FromSeconds(60),
            () => $"only {PromptCalls(team)} prompts reached Slack.\n{team.HostOutput()}");
        await first.KillAsync();
        var killedAt = team.Slack.Clock.GetUtcNow();
        var (unfinishedAtKill, _) = await team.UnfinishedAsync("weekly.nudge");
        var postedAtKill = team.Slack.Calls("chat.postMessage").Count;
        // Posts Slack had taken but not yet answered when the process died: the window this test is about.
        var unansweredAtKill = team.Slack.Calls("chat.postMessage").Count(c => c.At > killedAt - SlackAnswersAfter);
        team.Slack.Faults.Clear();

        var clock = Stopwatch.StartNew();
        await team.StartHostsAsync(1, Lease);
        await WaitUntilAsync(async () => (await team.UnfinishedAsync("weekly.nudge")).Unfinished == 0
                && (await team.UnfinishedAsync("weekly.thread")).Unfinished == 0,
            TimeSpan.FromMinutes(2), () => $"{team.PromptsPerPerson().Values.Sum()} of {People} prompts sent after the restart.\n{team.HostOutput()}");
        output.WriteLine($"killed with {postedAtKill} posts made, {unansweredAtKill} of them unanswered, {unfinishedAtKill} prompts unfinished; " +
            $"recovered in {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(unansweredAtKill > 0, "the kill came when no post was waiting for Slack's answer");
        Assert.True(unfinishedAtKill > 0, "the kill came after every prompt was already done");
        // Everyone gets the week's prompt once; a writer whose update already counts for that week is not asked.
        Assert.All(team.PromptsPerPerson(), pair => Assert.True(pair.Value == 1 || (pair.Value == 0 && writers.Contains(pair.Key)),
            $"{pair.Key} got {pair.Value} prompts"));
        var roots = team.Slack.Messages(Channel).Where(m => m.Text.StartsWith("📊", StringComparison.Ordinal)).ToList();
        Assert.Equal(roots.Select(r => r.Text).Distinct(), roots.Select(r => r.Text));
        var replies = roots.SelectMany(root => team.Slack.ThreadReplies(Channel, root.Ts)).ToList();
        // Each update once, in the order its author submitted it.
        Assert.Equal(writers, replies.Select(reply => writers.Single(w => reply.VisibleText.Contains($"shipped item {w}", StringComparison.Ordinal))));
        Assert.Empty(await team.DeadJobsAsync());
    }

    private static int PromptCalls(TeamOnHostProcesses team) =>
        team.Slack.Calls("chat.postMessage").Count(c => c.Arg("text")?.StartsWith("📝", StringComparison.Ordinal) == true);
}

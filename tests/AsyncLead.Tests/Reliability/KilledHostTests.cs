using System.Diagnostics;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Xunit.Abstractions;
using static AsyncLead.Tests.Reliability.TeamOnHostProcesses;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// <c>kill -9</c> of a host while its Slack posts are in flight: Slack has posted them, the host never heard back and
/// never stored a ts (FakeSlack holds the answers, so no timing decides which posts are in flight). After a restart
/// every prompt and thread post arrives, none twice.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class KilledHostTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int People = 200;
    private const int Writers = 5;
    private const int PromptsInFlightAtKill = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_host_killed_while_its_posts_are_in_flight_delivers_every_prompt_and_reply_once_after_restart()
    {
        await using var team = await StartAsync(database, People);
        var first = (await team.StartHostsAsync(1, Lease)).Single();
        await team.LeadSetsUpWeeklyUpdatesAsync(first);
        var writers = team.People.Skip(1).Take(Writers).ToList();
        // Slack posts each thread reply and prompt at once but holds its answer: until the kill, the host cannot have
        // heard back from any of them, however slow the machine. The thread root is answered, so replies follow it.
        team.Slack.Faults.HoldAnswers("chat.postMessage", call => IsPrompt(call) || call.Arg("thread_ts") is not null);
        foreach (var writer in writers)
        {
            var ack = await team.Person(first, writer).RunsCommandAsync(Command, $"Done: shipped item {writer}");
            Assert.True(ack.IsSuccess, ack.ToString());
        }

        await team.PromptTimeArrivesAsync();
        // The state this test is about, observed rather than timed: a thread reply and a batch of prompts are posted,
        // and the host is still waiting for each answer.
        await WaitUntilAsync(() => Task.FromResult(HeldReplies(team) >= 1 && HeldPrompts(team) >= PromptsInFlightAtKill),
            TimeSpan.FromSeconds(90), () => $"{HeldReplies(team)} replies and {HeldPrompts(team)} prompts awaiting Slack's answer.\n{team.HostOutput()}");
        var unansweredAtKill = team.Slack.Faults.HeldAnswers.Count;
        await first.KillAsync();
        var (unfinishedAtKill, _) = await team.UnfinishedAsync("weekly.nudge");
        var postedAtKill = team.Slack.Calls("chat.postMessage").Count;
        team.Slack.Faults.Clear();

        var clock = Stopwatch.StartNew();
        await team.StartHostsAsync(1, Lease);
        await WaitUntilAsync(async () => (await team.UnfinishedAsync("weekly.nudge")).Unfinished == 0
                && (await team.UnfinishedAsync("weekly.thread")).Unfinished == 0,
            TimeSpan.FromMinutes(2), () => $"{team.PromptsPerPerson().Values.Sum()} of {People} prompts sent after the restart.\n{team.HostOutput()}");
        output.WriteLine($"killed with {postedAtKill} posts made, {unansweredAtKill} of them unanswered, {unfinishedAtKill} prompts unfinished; " +
            $"recovered in {clock.Elapsed.TotalSeconds:F1} s");

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

    private static bool IsPrompt(SlackCall call) => call.Arg("text")?.StartsWith("📝", StringComparison.Ordinal) == true;

    private static int HeldPrompts(TeamOnHostProcesses team) => team.Slack.Faults.HeldAnswers.Count(IsPrompt);

    private static int HeldReplies(TeamOnHostProcesses team) => team.Slack.Faults.HeldAnswers.Count(call => call.Arg("thread_ts") is not null);
}

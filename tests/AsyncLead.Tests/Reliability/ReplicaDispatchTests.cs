using System.Diagnostics;
using AsyncLead.Tests.Infrastructure;
using Xunit.Abstractions;
using static AsyncLead.Tests.Reliability.TeamOnHostProcesses;

namespace AsyncLead.Tests.Reliability;

/// <summary>Three AsyncLead processes on one database, as three replicas behind a load balancer run in production.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class ReplicaDispatchTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int People = 2000;

    [Fact]
    public async Task Three_host_processes_send_each_of_two_thousand_due_prompts_exactly_once()
    {
        await using var team = await StartAsync(database, People);
        var hosts = await team.StartHostsAsync(3);
        await team.LeadSetsUpWeeklyUpdatesAsync(hosts[0]);

        var clock = Stopwatch.StartNew();
        await team.PromptTimeArrivesAsync();
        var holders = new HashSet<string>(StringComparer.Ordinal);
        await WaitUntilAsync(async () =>
        {
            var (unfinished, holding) = await team.UnfinishedAsync("weekly.nudge");
            holders.UnionWith(holding);
            return unfinished == 0 && team.PromptsPerPerson().Values.Sum() >= People;
        }, TimeSpan.FromMinutes(3), () => $"{team.PromptsPerPerson().Values.Sum()} of {People} prompts sent.\n{team.HostOutput()}");
        output.WriteLine($"{People} prompts sent by 3 processes in {clock.Elapsed.TotalSeconds:F1} s (prompt job included)");

        var prompts = team.PromptsPerPerson();
        Assert.Equal(People, prompts.Values.Sum());
        Assert.All(prompts, pair => Assert.True(pair.Value == 1, $"{pair.Key} got {pair.Value} prompts"));
        Assert.Empty(await team.DeadJobsAsync());
        // The processes really shared the work: jobs were seen running under at least two of them.
        var processes = holders.Select(holder => holder.Split('/')[1]).ToHashSet(StringComparer.Ordinal);
        Assert.True(processes.Count >= 2, $"jobs ran under {processes.Count} process(es) only: {string.Join(", ", holders)}");
        Assert.All(hosts, host => Assert.False(host.HasExited, $"host {host.ProcessId} exited:\n{host.RecentOutput()}"));
    }
}

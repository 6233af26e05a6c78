using System.Diagnostics;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Postgres;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Every process a test starts ends with it, pass or fail, and with the test process if that dies first: checked in
/// <c>/proc</c>, not by asking our own objects.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class ProcessOwnershipTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Hosts_started_together_are_all_ended_when_one_of_them_fails_to_start()
    {
        var marker = $"ASYNCLEAD_OWNERSHIP_{Guid.NewGuid():N}";
        var good = Environment(marker);
        var bad = new Dictionary<string, string>(good);
        bad.Remove("Slack__SigningSecret");

        // The bad one exits at once with a settings error; the good one may already be up by then.
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AsyncLeadProcess.StartAllAsync(AsyncLeadProcess.BinaryBesideTests, [good, good, bad], TimeSpan.FromSeconds(90)));

        Assert.Contains("Slack__SigningSecret", failure.Message, StringComparison.Ordinal);
        Assert.Empty(ProcessesMarked(marker));
    }

    [Fact]
    public async Task A_host_process_dies_with_its_owner_when_the_owner_goes_without_disposing_it()
    {
        var marker = $"ASYNCLEAD_OWNERSHIP_{Guid.NewGuid():N}";
        using var owner = ProcessOwner.CreateForTest();
        await using var host = await AsyncLeadProcess.StartAsync(AsyncLeadProcess.BinaryBesideTests, Environment(marker), TimeSpan.FromSeconds(90), owner: owner);
        Assert.Equal([host.ProcessId], ProcessesMarked(marker));

        // The kernel closes a dead process's pipes: this is what kill -9 of the test process does to the watchdog's.
        owner.Dispose();

        await WaitUntilGoneAsync([host.ProcessId]);
    }

    [Fact]
    public async Task A_postgres_cluster_and_its_server_processes_die_with_their_owner()
    {
        using var owner = ProcessOwner.CreateForTest();
        await using var cluster = await PostgresCluster.CreateAsync(owner);
        var postmaster = cluster.PostmasterPid() ?? throw new InvalidOperationException("the cluster's server is not running");
        var server = ChildrenOf(postmaster).Append(postmaster).ToList();
        Assert.True(server.Count > 1, "a running PostgreSQL has background processes under its postmaster");

        owner.Dispose();

        await WaitUntilGoneAsync(server);
    }

    private Dictionary<string, string> Environment(string marker) => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
        ["Slack__SigningSecret"] = SlackScenario.SigningSecret,
        ["Slack__BotToken"] = SlackScenario.BotToken,
        ["Slack__ApiBaseUrl"] = "http://127.0.0.1:9/api/",
        ["AsyncLead__PublicUrl"] = "https://asynclead.test",
        ["Jobs__Enabled"] = "false",
        [marker] = "1",
    };

    /// <summary>Running processes whose environment carries <paramref name="marker"/>: the ones this test started.</summary>
    private static List<int> ProcessesMarked(string marker) =>
        [.. Pids().Where(pid => ProcessOwner.IsRunning(pid) && ReadOrEmpty($"/proc/{pid}/environ").Contains(marker + "=", StringComparison.Ordinal))];

    private static IEnumerable<int> ChildrenOf(int parent) =>
        Pids().Where(pid => ReadOrEmpty($"/proc/{pid}/stat") is { Length: > 0 } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task WaitUntilGoneAsync(IReadOnlyList<int> pids)
    {
        var clock = Stopwatch.StartNew();
        while (pids.Any(ProcessOwner.IsRunning))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"still running: {string.Join(", ", pids.Where(ProcessOwner.IsRunning))}");
            await Task.Delay(50);
        }
    }
}

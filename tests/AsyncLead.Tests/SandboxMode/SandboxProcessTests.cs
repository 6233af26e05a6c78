using System.Diagnostics;
using AsyncLead.Testing.Hosting;
using AsyncLead.Testing.Network;
using AsyncLead.Tests.Reliability;

namespace AsyncLead.Tests.SandboxMode;

/// <summary>The real binary as ./run.sh starts it with no Slack settings.</summary>
[Collection(HostProcessCollection.Name)]
public sealed class SandboxProcessTests(SandboxDatabase database) : IClassFixture<SandboxDatabase>
{
    [Fact]
    public async Task The_binary_with_no_Slack_settings_serves_the_seeded_sandbox_and_says_where()
    {
        var port = LoopbackPort.Free();
        await using var host = await AsyncLeadProcess.StartAsync(AsyncLeadProcess.BinaryBesideTests,
            new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString }, TimeSpan.FromSeconds(90), port);

        using var page = await host.Http.GetAsync("/sandbox/");
        var state = await host.Http.GetStringAsync("/sandbox/ui/state?as=U0MAYA");

        var line = $"Sandbox: open http://127.0.0.1:{port}/sandbox/";
        // The console logger writes from its own queue, a moment after the seed completes.
        for (var waited = Stopwatch.StartNew(); !host.RecentOutput().Contains(line, StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(5);)
        {
            await Task.Delay(50);
        }

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Maya Okafor", state, StringComparison.Ordinal);
        Assert.Contains(line, host.RecentOutput(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_binary_started_from_another_directory_reads_its_own_settings_so_sql_is_not_logged()
    {
        var elsewhere = Directory.CreateTempSubdirectory("asynclead-cwd-");
        try
        {
            await using var host = await AsyncLeadProcess.StartAsync(AsyncLeadProcess.BinaryBesideTests,
                new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = database.ConnectionString }, TimeSpan.FromSeconds(90),
                workingDirectory: elsewhere.FullName);

            // The sandbox seeds a week through hundreds of commands; Information would log each (Npgsql.Command).
            var state = await host.Http.GetStringAsync("/sandbox/ui/state?as=U0MAYA");
            for (var waited = Stopwatch.StartNew(); !host.RecentOutput().Contains("Sandbox: open", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(5);)
            {
                await Task.Delay(50);
            }

            Assert.Contains("Maya Okafor", state, StringComparison.Ordinal);
            Assert.Contains("Sandbox: open", host.RecentOutput(), StringComparison.Ordinal);
            Assert.DoesNotContain("Command execution completed", host.RecentOutput(), StringComparison.Ordinal);
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_binary_with_AsyncLead__Sandbox_true_and_a_Slack_token_exits_with_code_2_and_the_reason()
    {
        var start = new ProcessStartInfo("dotnet", [AsyncLeadProcess.BinaryBesideTests])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["AsyncLead__Sandbox"] = "true",
                ["Slack__BotToken"] = "xoxb-real",
                ["Slack__SigningSecret"] = "real-secret",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("AsyncLead__Sandbox=true, but Slack settings are present (Slack__SigningSecret, Slack__BotToken)", stderr, StringComparison.Ordinal);
    }
}

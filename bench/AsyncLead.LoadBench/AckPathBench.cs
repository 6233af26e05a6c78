using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace AsyncLead.LoadBench;

/// <summary>
/// Ack latency under load for each kind of Slack request, beside a bare 200 endpoint on the same host measured in the
/// same run: our overhead as a ratio to that floor.
/// </summary>
public static class AckPathBench
{
    private const int Users = 256;

    public static async Task RunAsync(IReadOnlyList<int> connectionCounts, TimeSpan measure)
    {
        await using var host = await BenchHost.StartAsync(Users);
        var kinds = new (string Name, Func<int, long, BenchRequest> Next)[]
        {
            ("bare endpoint (floor)", (_, _) => new BenchRequest("/bench/bare", "", "application/x-www-form-urlencoded", Signed: false)),
            ("slash command /weekly-update help", (worker, sequence) => Command(host, worker, sequence, "help")),
        };

        var table = new StringBuilder("| kind | connections | requests/s | p50 ms | p90 ms | p99 ms | p50 vs floor | failures |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var connections in connectionCounts)
        {
            RunResult? floor = null;
            foreach (var (name, next) in kinds)
            {
                var result = await LoadDriver.RunAsync(host.BaseAddress, connections, TimeSpan.FromSeconds(1), measure, next);
                floor ??= result;
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {connections} | {result.RequestsPerSecond:F0} | {result.P50:F2} | {result.P90:F2} | {result.P99:F2} | {result.P50 / floor.P50:F2}x | {result.Failures} |");
                Console.Error.WriteLine($"done: {name} at {connections}");
            }
        }
        Console.WriteLine(table);
    }

    private static BenchRequest Command(BenchHost host, int worker, long sequence, string text)
    {
        var user = BenchHost.UserId(1 + (int)((worker * 7919 + sequence) % Users));
        var body = string.Join('&',
            $"team_id={BenchHost.TeamId}", "team_domain=bench", $"channel_id={BenchHost.ChannelId}", "channel_name=team-bench",
            $"user_id={user}", $"user_name={user.ToLowerInvariant()}", "command=%2Fweekly-update", $"text={UrlEncode(text)}",
            $"response_url={UrlEncode(host.Slack.IssueResponseUrl(user, BenchHost.ChannelId).ToString())}",
            $"trigger_id={UrlEncode(host.Slack.IssueTriggerId(user))}", "api_app_id=A_BENCH");
        return new BenchRequest("/slack/commands", body, "application/x-www-form-urlencoded");
    }
}

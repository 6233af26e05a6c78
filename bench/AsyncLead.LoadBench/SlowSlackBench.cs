using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Features.WeeklyUpdates;
using static System.Net.WebUtility;

namespace AsyncLead.LoadBench;

/// <summary>
/// Every Slack call answering in 1.5 s: how long each kind of request takes to be acked, and how long after it was sent
/// the bot's <c>views.open</c> reached Slack (the trigger_id it carries lives 3 s).
/// </summary>
public static class SlowSlackBench
{
    private static readonly TimeSpan SlowSlack = TimeSpan.FromSeconds(1.5);

    public static async Task RunAsync(IReadOnlyList<int> connectionCounts, TimeSpan measure)
    {
        await using var host = await BenchHost.StartAsync(AckPathBench.Users);
        var teamId = await AckPathBench.SetUpTeamAsync(host);
        await AckPathBench.KnowEveryoneAsync(host);
        var week = NudgeMessage.ButtonValue(teamId, Features.Members.TeamWeek.Containing(DateOnly.FromDateTime(DateTime.UtcNow)));
        // Forms opened (and so facts learned) while Slack is still quick: the steady state.
        var submissions = await AckPathBench.OpenFormsAsync(host, connectionCounts.Max());
        host.Slack.Faults.SlowAnswer(SlowSlack);

        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        BenchRequest Opening(BenchRequest request, string triggerId)
        {
            sentAt[triggerId] = DateTimeOffset.UtcNow;
            return request;
        }

        BenchRequest Command(int worker, long sequence, string command, string text, string? user = null)
        {
            var request = BenchRequests.Command(host.Slack, user ?? BenchHost.UserId(1 + (int)((worker * 7919 + sequence) % AckPathBench.Users)), command, text);
            return Opening(request, BenchRequests.TriggerIdOf(request));
        }

        BenchRequest Button(int worker, long sequence)
        {
            var request = AckPathBench.WriteButton(host, worker, sequence, week);
            var payload = JsonNode.Parse(UrlDecode(request.Body["payload=".Length..]))!;
            return Opening(request, (string)payload["trigger_id"]!);
        }

        var kinds = new (string Name, bool OpensForm, Func<int, long, BenchRequest> Next)[]
        {
            ("/weekly-update help (no I/O)", false, (w, s) => Command(w, s, "/weekly-update", "help")),
            ("/weekly-update (opens the form)", true, (w, s) => Command(w, s, "/weekly-update", "")),
            ("/weekly-update setup (opens setup, the lead)", true, (w, s) => Command(w, s, "/weekly-update", "setup", BenchHost.UserId(1))),
            ("/decision (opens the doc form)", true, (w, s) => Command(w, s, "/decision", "")),
            ("inline update saved", false, (w, s) => Command(w, s, "/weekly-update", $"Done: PAY-{s} settlement batching; Next: ledger RFC")),
            ("form submission saved", false, (w, _) => submissions[w % submissions.Count]),
            ("button weekly_write (opens the form)", true, Button),
        };

        var table = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"| kind | connections | requests/s | ack p50 ms | ack p99 ms | views.open after receipt p50 ms | p99 ms | max ms | failures |\n|---|---|---|---|---|---|---|---|---|\n"));
        foreach (var connections in connectionCounts)
        {
            foreach (var (name, opensForm, next) in kinds)
            {
                sentAt.Clear();
                var before = host.Slack.Calls("views.open").Count;
                var callsBefore = host.Slack.Calls().Count;
                var result = await LoadDriver.RunAsync(host.BaseAddress, connections, TimeSpan.FromSeconds(1), measure, next);
                // Work after the ack waits on the slow Slack (two answers at most); let it land before the next kind is measured.
                await Task.Delay(SlowSlack * 2);
                var calls = host.Slack.Calls().Skip(callsBefore).ToList();
                Console.Error.WriteLine($"  Slack calls: {string.Join(", ", calls.GroupBy(c => c.Method).Select(g => $"{g.Key} {g.Count()}"))} for {result.Requests} requests");
                string opened;
                if (opensForm)
                {
                    var delays = new LatencyRecorder();
                    foreach (var call in host.Slack.Calls("views.open").Skip(before))
                    {
                        if (call.Arg("trigger_id") is { } trigger && sentAt.TryGetValue(trigger, out var sent))
                        {
                            delays.Record(call.At - sent, call.Ok);
                        }
                    }

                    var summary = delays.Summarise(measure);
                    opened = string.Create(CultureInfo.InvariantCulture, $"{summary.P50:F2} | {summary.P99:F2} | {summary.Max:F2}");
                }
                else
                {
                    opened = "– | – | –";
                }

                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {connections} | {result.RequestsPerSecond:F0} | {result.P50:F2} | {result.P99:F2} | {opened} | {result.Failures} |");
                Console.Error.WriteLine($"done: {name} at {connections}");
            }
        }

        Console.WriteLine(table);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using Dapper;
using Npgsql;
using static System.Net.WebUtility;

namespace AsyncLead.LoadBench;

/// <summary>
/// Ack latency under load for each kind of Slack request, beside a bare 200 endpoint on the same host measured in the
/// same run: our overhead as a ratio to that floor.
/// </summary>
public static class AckPathBench
{
    internal const int Users = 256;

    public static async Task RunAsync(IReadOnlyList<int> connectionCounts, TimeSpan measure)
    {
        await using var host = await BenchHost.StartAsync(Users);
        var teamId = await SetUpTeamAsync(host);
        var week = NudgeMessage.ButtonValue(teamId, Features.Members.TeamWeek.Containing(DateOnly.FromDateTime(DateTime.UtcNow)));
        var submissions = await OpenFormsAsync(host, connectionCounts.Max());

        var kinds = new (string Name, Func<int, long, BenchRequest> Next)[]
        {
            ("bare endpoint (floor)", (_, _) => new BenchRequest("/bench/bare", "", "application/x-www-form-urlencoded", Signed: false)),
            ("/weekly-update (opens the form: views.open)", (worker, sequence) => Command(host, worker, sequence, "")),
            ("form submission (DB write + enqueued post)", (worker, _) => submissions[worker % submissions.Count]),
            ("button weekly_write (opens the form)", (worker, sequence) => WriteButton(host, worker, sequence, week)),
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

    /// <summary>The bench channel as a team that writes weekly updates, everyone expected.</summary>
    internal static async Task<long> SetUpTeamAsync(BenchHost host)
    {
        await using var connection = host.App.Services.GetRequiredService<NpgsqlDataSource>().CreateConnection();
        return await connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO team_channels (workspace_id, channel_id, channel_name, time_zone, prompt_day, prompt_time, close_day, close_time,
                                       reminder_cadence, expect_everyone, lead_user_id, created_at, updated_at)
            VALUES (@team, @channel, 'team-bench', 'Europe/Berlin', 5, '10:00', 1, '09:00', 'default', true, @lead, now(), now())
            RETURNING id
            """, new { team = BenchHost.TeamId, channel = BenchHost.ChannelId, lead = BenchHost.UserId(1) });
    }

    /// <summary>Everyone's profile and time zone learned today, as at steady state (first sight asks Slack's users.info).</summary>
    internal static async Task KnowEveryoneAsync(BenchHost host)
    {
        await using var connection = host.App.Services.GetRequiredService<NpgsqlDataSource>().CreateConnection();
        await connection.ExecuteAsync(
            """
            INSERT INTO members (workspace_id, user_id, display_name, time_zone, time_zone_fetched_at)
            SELECT @team, 'U' || lpad(i::text, 5, '0'), 'person ' || i, 'Europe/Berlin', now() FROM generate_series(1, @people) i
            ON CONFLICT DO NOTHING
            """, new { team = BenchHost.TeamId, people = Users });
    }

    /// <summary>One filled-in update form per connection, built from the view the bot really opened.</summary>
    internal static async Task<List<BenchRequest>> OpenFormsAsync(BenchHost host, int count)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var simulator = new SlackSimulator(host.Slack, http, BenchHost.SigningSecret);
        var forms = new List<BenchRequest>();
        for (var i = 1; i <= count; i++)
        {
            var user = BenchHost.UserId(i);
            await simulator.User(user, BenchHost.ChannelId).RunsCommandAsync("/weekly-update");
            // The command is acked first and the form opened right after, so the views.open may follow the ack.
            var view = await ModalOpenedForAsync(host, user) ?? throw new InvalidOperationException($"no form opened for {user}");
            forms.Add(new BenchRequest("/slack/interactions", "payload=" + UrlEncode(Submission(view, user).ToJsonString()), "application/x-www-form-urlencoded"));
        }
        return forms;
    }

    private static async Task<FakeView?> ModalOpenedForAsync(BenchHost host, string user)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (host.Slack.OpenModalFor(user) is { } view)
            {
                return view;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
        return null;
    }

    private static JsonObject Submission(FakeView view, string user)
    {
        var values = new JsonObject();
        foreach (var block in view.Blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "input"))
        {
            var element = block["element"]!.AsObject();
            values[(string)block["block_id"]!] = new JsonObject
            {
                [(string)element["action_id"]!] = new JsonObject
                {
                    ["type"] = "plain_text_input",
                    ["value"] = $"- Shipped PAY-{user[^3..]} settlement batching\n- Reviewed the ledger RFC",
                },
            };
        }
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = BenchHost.TeamId, ["domain"] = "bench" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = BenchHost.TeamId },
            ["api_app_id"] = "A_BENCH",
            ["trigger_id"] = "1.2.bench",
            ["view"] = new JsonObject
            {
                ["id"] = view.Id,
                ["team_id"] = BenchHost.TeamId,
                ["type"] = "modal",
                ["callback_id"] = view.CallbackId,
                ["private_metadata"] = view.PrivateMetadata,
                ["hash"] = view.Hash,
                ["state"] = new JsonObject { ["values"] = values },
            },
            ["response_urls"] = new JsonArray(),
        };
    }

    internal static BenchRequest WriteButton(BenchHost host, int worker, long sequence, string value)
    {
        var user = BenchHost.UserId(1 + (int)((worker * 7919 + sequence) % Users));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = BenchHost.TeamId, ["domain"] = "bench" },
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = BenchHost.TeamId },
            ["api_app_id"] = "A_BENCH",
            ["trigger_id"] = host.Slack.IssueTriggerId(user),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = "D_BENCH", ["is_ephemeral"] = false },
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = NudgeMessage.WriteActionId, ["block_id"] = "nudge", ["value"] = value,
                ["action_ts"] = "1700000001.000200",
            }),
        };
        return new BenchRequest("/slack/interactions", "payload=" + UrlEncode(payload.ToJsonString()), "application/x-www-form-urlencoded");
    }

    private static BenchRequest Command(BenchHost host, int worker, long sequence, string text) =>
        BenchRequests.Command(host.Slack, BenchHost.UserId(1 + (int)((worker * 7919 + sequence) % Users)), "/weekly-update", text);
}

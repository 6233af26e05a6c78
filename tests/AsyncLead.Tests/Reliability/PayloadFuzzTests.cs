using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Validly signed but malformed, truncated, oversized and wrongly typed Slack payloads, built from Slack's real example
/// shapes: the host answers each with a 2xx or 4xx, never a 5xx, and no request ends in an unhandled exception.
/// </summary>
public sealed class PayloadFuzzTests(TestDatabase database, ITestOutputHelper output) : IClassFixture<TestDatabase>
{
    private const int Requests = 10_000;
    private const int Seed = 20261121;

    [Fact]
    public async Task Ten_thousand_malformed_signed_payloads_get_no_5xx_and_no_unhandled_exception()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U0AL5ALICE", "alice").AddChannel("C0AL5TEAM", "team-platform", members: ["U0AL5ALICE"]);
        var loopbackResponseUrl = scenario.Slack.IssueResponseUrl("U0AL5ALICE", "C0AL5TEAM").ToString();
        var seeds = Seeds(loopbackResponseUrl);
        var random = new Random(Seed);
        // Drawn up front from the seed, so the same 10,000 requests go out however the sends interleave.
        var requests = Enumerable.Range(0, Requests).Select(i =>
        {
            // Each request is its own event, as each delivery Slack makes of a new event is: the same event id twice at once
            // is a redelivery of one still being handled, rightly answered 503 so Slack tries again.
            var drawn = seeds[random.Next(seeds.Count)];
            var seed = drawn with { Body = drawn.Body.Replace("\"Ev0AL5", $"\"Ev{i:D5}", StringComparison.Ordinal) };
            var (body, contentType) = PayloadMutations.Apply(random, seed);
            return (seed.Path, Body: body, ContentType: contentType);
        }).ToList();
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();

        // Straight to the ack, as Slack sees it: the harness's usual client waits for every handler to go idle, which
        // four senders never give it. What the handlers do after their acks is awaited once, below.
        var simulator = new SlackSimulator(scenario.Slack, scenario.Host.RawHttp, SlackScenario.SigningSecret, scenario.Clock);
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var (path, body, contentType) = requests[i];
            var response = await simulator.PostSignedAsync(path, body, contentType);
            var status = (int)response.Status;
            statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
            if (status >= 500)
            {
                failures.Enqueue($"request {i} to {path} got {status}: {Shorten(body)} → {Shorten(response.Body)}; " +
                    $"host said: {scenario.Host.Logs.Lines.LastOrDefault(line => line.Contains("Exception", StringComparison.Ordinal))}");
            }
        });

        using (var settle = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await scenario.Host.Services.GetRequiredService<InFlightHandlers>().WhenIdleAsync(settle.Token);
        }

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(5)));
        output.WriteLine($"seed {Seed}: " + string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}")));
        Assert.DoesNotContain("unhandled exception", scenario.Host.Logs.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(scenario.Host.Logs.Lines, line => line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await scenario.Host.Http.GetAsync("/healthz")).StatusCode);
        // Every family of outcome was exercised: accepted, refused as malformed, and refused as too large.
        Assert.Contains(200, statuses.Keys);
        Assert.Contains(400, statuses.Keys);
        Assert.Contains(413, statuses.Keys);
    }

    /// <summary>What a hostile or unlucky person types: long runs of what the parsers look for, odd Unicode, 16,000 of each.</summary>
    private static readonly string[] Adversarial =
    [
        "1" + new string(' ', 16_000) + "x",
        string.Concat(Enumerable.Repeat("9:00-", 3_200)),
        string.Concat(Enumerable.Repeat("Mon-", 4_000)) + "Fri 09:00-17:00",
        string.Concat(Enumerable.Repeat(":a:", 5_334)),
        string.Concat(Enumerable.Repeat("Completed:", 1_600)),
        string.Concat(Enumerable.Repeat("- [ ] ", 2_667)),
        "2026-12-01" + new string(' ', 16_000) + "..2026-12-31",
        "DEC-" + new string('9', 16_000),
        string.Concat(Enumerable.Repeat("a\u0301", 8_000)),
        string.Concat(Enumerable.Repeat("🚧", 8_000)),
        "\ud800" + new string('x', 16_000),
        new string('\n', 16_000) + "x",
        string.Concat(Enumerable.Repeat("<!channel>", 1_600)),
    ];

    [Fact]
    public async Task Long_and_adversarial_command_texts_and_form_values_get_a_clear_answer_and_no_5xx()
    {
        await using var scenario = await SlackScenario.StartAsync(database);
        scenario.Slack.AddUser("U0AL5ALICE", "alice", tz: "Europe/Berlin").AddChannel("C0AL5TEAM", "team-platform", members: ["U0AL5ALICE"], botIsMember: true);
        var alice = scenario.User("U0AL5ALICE", "C0AL5TEAM");
        await alice.RunsCommandAsync("/weekly-update", "setup");
        Assert.True((await alice.SubmitsViewAsync()).IsSuccess);
        var commands = new[] { "", "settings ", "settings hours ", "settings focus ", "away ", "away until ", "digest ", "status ", "Completed: ", "Blockers:\n" }
            .Select(prefix => ("/weekly-update", prefix))
            .Concat(new[] { "", "export ", "# Doc\n## Analysis\n" }.Select(prefix => ("/decision", prefix)));
        var failures = new List<string>();

        foreach (var (command, prefix) in commands)
        {
            foreach (var text in Adversarial)
            {
                var response = await alice.RunsCommandAsync(command, prefix + text);
                if (!response.IsSuccess || response.Body.Contains("Something went wrong", StringComparison.Ordinal))
                {
                    failures.Add($"{command} {prefix}{Shorten(text)} got {response}");
                }
            }
        }

        // The same texts in every field of the update form, past Slack's max_length: each is refused on its fields.
        await alice.RunsCommandAsync("/weekly-update");
        var form = scenario.Slack.OpenModalFor("U0AL5ALICE")!;
        foreach (var text in Adversarial)
        {
            var response = await scenario.Simulator.SendInteractionAsync(Submission(scenario, form, text));
            if (!response.IsSuccess || response.Json?["response_action"]?.GetValue<string>() != "errors")
            {
                failures.Add($"update form with {Shorten(text)} got {response}");
            }
        }

        Assert.Empty(failures);
        Assert.DoesNotContain(scenario.Host.Logs.Lines, line => line.Contains("failed", StringComparison.OrdinalIgnoreCase) && line.Contains("Exception", StringComparison.Ordinal));
        Assert.DoesNotContain("Something went wrong", string.Join("\n", scenario.Slack.ResponseUrlPosts().Select(p => p.Body.ToJsonString())), StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.Slack.Calls("chat.postMessage"), call => call.Args.ToJsonString().Contains("<!channel>", StringComparison.Ordinal));
    }

    private static JsonObject Submission(SlackScenario scenario, Sandbox.Slack.FakeView form, string text)
    {
        var view = form.Json.DeepClone().AsObject();
        var values = new JsonObject();
        foreach (var block in view["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == "input"))
        {
            values[block["block_id"]!.GetValue<string>()] = new JsonObject
            {
                [block["element"]!["action_id"]!.GetValue<string>()] = new JsonObject { ["type"] = "plain_text_input", ["value"] = text },
            };
        }

        view["state"] = new JsonObject { ["values"] = values };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackScenario.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0AL5ALICE", ["username"] = "alice", ["name"] = "alice", ["team_id"] = SlackScenario.TeamId },
            ["api_app_id"] = scenario.Slack.AppId,
            ["token"] = scenario.Slack.VerificationToken,
            ["trigger_id"] = scenario.Slack.IssueTriggerId("U0AL5ALICE"),
            ["view"] = view,
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
        };
    }

    private static List<FuzzSeed> Seeds(string loopbackResponseUrl)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "SlackFixtures");
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name))
            .Replace("https://hooks.slack.com/commands/T0AL5LEAD/7001/xRespUrl01", loopbackResponseUrl, StringComparison.Ordinal)
            // The fixtures' workspace becomes the scenario's, whose token the bot holds: the payloads are malformed, their tenant is not.
            .Replace("T0AL5LEAD", SlackScenario.TeamId, StringComparison.Ordinal)
            .Replace("https:\\/\\/hooks.slack.com", "http:\\/\\/127.0.0.1:9", StringComparison.Ordinal)
            .Replace("https://hooks.slack.com", "http://127.0.0.1:9", StringComparison.Ordinal);

        var seeds = new List<FuzzSeed>();
        foreach (var form in Directory.GetFiles(folder, "slash_command*.form"))
        {
            seeds.Add(new FuzzSeed("/slack/commands", FuzzShape.Form, Read(Path.GetFileName(form))));
        }
        foreach (var name in new[] { "block_actions_message.json", "block_actions_view_multi.json", "view_submission.json", "view_submission_all_values.json",
                     "view_submission_org.json", "view_closed.json", "shortcut_global.json", "shortcut_message.json", "block_suggestion.json" })
        {
            seeds.Add(new FuzzSeed("/slack/interactions", FuzzShape.InteractionForm, Read(name)));
        }
        foreach (var events in Directory.GetFiles(folder, "event*.json"))
        {
            seeds.Add(new FuzzSeed("/slack/events", FuzzShape.Json, Read(Path.GetFileName(events))));
        }
        return seeds;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public enum FuzzShape
{
    Form,
    InteractionForm,
    Json,
}

public sealed record FuzzSeed(string Path, FuzzShape Shape, string Body);

/// <summary>Ways a payload goes wrong: cut short, corrupted, retyped, emptied, nested absurdly deep, or made huge.</summary>
public static class PayloadMutations
{
    private static readonly JsonNode?[] WrongValues =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(true), JsonValue.Create(""),
        JsonValue.Create(new string('x', 5000)), JsonValue.Create("\u0000\uFFFF<script>"), new JsonArray(), new JsonObject(),
        new JsonArray(JsonValue.Create(1), JsonValue.Create("a")), new JsonObject { ["type"] = "nonsense" },
    ];

    public static (string Body, string ContentType) Apply(Random random, FuzzSeed seed)
    {
        var contentType = seed.Shape == FuzzShape.Json ? "application/json" : "application/x-www-form-urlencoded";
        var json = seed.Body;
        string body = random.Next(12) switch
        {
            0 => Truncate(random, Encode(seed, json)),
            1 => Corrupt(random, Encode(seed, json)),
            2 or 3 or 4 => Encode(seed, seed.Shape == FuzzShape.Form ? RetypeForm(random, json) : Retype(random, json)),
            5 => Encode(seed, seed.Shape == FuzzShape.Form ? DropFormField(random, json) : DropProperty(random, json)),
            6 => Encode(seed, Truncate(random, json)),
            7 => "",
            8 => Encode(seed, new string('[', 5000) + new string(']', 5000)),
            9 => Encode(seed, json) + "&" + new string('a', 1_100_000),
            10 => seed.Shape == FuzzShape.Json ? "payload=" + Uri.EscapeDataString(json) : json,
            _ => Encode(seed, seed.Shape == FuzzShape.Form ? json : ChangeType(random, json)),
        };
        if (random.Next(20) == 0)
        {
            contentType = random.Next(2) == 0 ? "text/plain" : "application/json";
        }
        return (body, contentType);
    }

    private static string Encode(FuzzSeed seed, string inner) =>
        seed.Shape == FuzzShape.InteractionForm ? "payload=" + Uri.EscapeDataString(inner) : inner;

    private static string Truncate(Random random, string text) => text.Length == 0 ? text : text[..random.Next(text.Length)];

    private static string Corrupt(Random random, string text)
    {
        if (text.Length == 0)
        {
            return "\u00ff";
        }
        var chars = text.ToCharArray();
        for (var i = random.Next(1, 10); i > 0; i--)
        {
            chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x2FFF);
        }
        return new string(chars);
    }

    private static string Retype(Random random, string json)
    {
        var root = JsonNode.Parse(json)!;
        var nodes = Descendants(root).Where(n => n.Parent is not null).ToList();
        for (var i = random.Next(1, 4); i > 0 && nodes.Count > 0; i--)
        {
            var target = nodes[random.Next(nodes.Count)];
            var replacement = WrongValues[random.Next(WrongValues.Length)]?.DeepClone();
            switch (target.Parent)
            {
                case JsonObject parent:
                    parent[target.GetPropertyName()] = replacement;
                    break;
                case JsonArray parent:
                    parent[target.GetElementIndex()] = replacement;
                    break;
            }
            nodes = Descendants(root).Where(n => n.Parent is not null).ToList();
        }
        return root.ToJsonString();
    }

    private static string DropProperty(Random random, string json)
    {
        var root = JsonNode.Parse(json)!;
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        if (objects.Count > 0)
        {
            var target = objects[random.Next(objects.Count)];
            target.Remove(target.ElementAt(random.Next(target.Count)).Key);
        }
        return root.ToJsonString();
    }

    private static string ChangeType(Random random, string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["type"] = random.Next(3) switch { 0 => "block_actions", 1 => "view_submission", _ => $"unknown_{random.Next(100)}" };
        return root.ToJsonString();
    }

    private static string RetypeForm(Random random, string form)
    {
        var fields = form.Split('&');
        var index = random.Next(fields.Length);
        var name = fields[index].Split('=')[0];
        fields[index] = $"{name}={Uri.EscapeDataString(random.Next(3) switch { 0 => "", 1 => new string('%', 3), _ => "%zz\u0000" + new string('y', 4000) })}";
        return string.Join('&', fields);
    }

    private static string DropFormField(Random random, string form)
    {
        var fields = form.Split('&').ToList();
        fields.RemoveAt(random.Next(fields.Count));
        return string.Join('&', fields);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}

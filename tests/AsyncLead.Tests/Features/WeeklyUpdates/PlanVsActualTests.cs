using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Features.Digest;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Two weeks of the payments team: Alice plans three things, does one, carries one and drops one, and writes the same
/// blocker twice. The second week's summary, page and digest say so without guessing, and the summary offers a decision
/// doc for the blocker, pre-filled, to whoever may read the team's channel.
/// </summary>
public sealed class PlanVsActualTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string StartDecision = "decision_from_blocker";
    private const string Leads = "G_LEADS";
    private static readonly DateTimeOffset SecondPrompt = FirstPrompt.AddDays(7);
    private static readonly DateTimeOffset SecondClose = FirstClose.AddDays(7);

    private const string AlicesLine = "1 of 3 done · 1 in progress (2nd week) · 1 dropped: “Plan the offsite”";

    private static FakeMessage Summary(SlackScenario s, string week, string channel = Channel) =>
        Assert.Single(s.Slack.ThreadReplies(channel, s.Root(week, channel).Ts), r => r.Text.StartsWith(week + ":", StringComparison.Ordinal));

    private static IReadOnlyList<JsonNode> DecisionButtons(FakeMessage message) =>
        [.. message.Blocks.Where(b => b!["type"]?.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Where(e => e!["action_id"]?.GetValue<string>() == StartDecision).Select(e => e!)];

    private static async Task WritesAsync(SlackUser who, params (string Field, object? Value)[] fields)
    {
        Assert.True((await who.RunsCommandAsync(Command)).IsSuccess);
        var saved = await who.SubmitsViewAsync(fields);
        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
    }

    /// <summary>
    /// Week of 17 Nov: Alice plans three things and is blocked; Bob plans nothing. Week of 24 Nov: what became of it. In
    /// each channel given (Bob writes only in the payments team's).
    /// </summary>
    private static async Task TwoWeeksAsync(SlackScenario s, params string[] channels)
    {
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        foreach (var channel in channels.DefaultIfEmpty(Channel))
        {
            await WritesAsync(s.User("U_ALICE", channel), ("Completed", "Payouts"), ("Blockers", "- waiting on API keys"),
                ("Next Week", "- Ship refunds v2\n- Billing migration\n- Plan the offsite"));
            if (channel == Channel)
            {
                await WritesAsync(s.Bob(), ("Completed", "Reviews"));
            }
        }

        await s.RunUntilAsync(SecondPrompt.AddHours(1));
        foreach (var channel in channels.DefaultIfEmpty(Channel))
        {
            // The form opens with last week's Next Week as In Progress; Alice rewrites it as the week went.
            await WritesAsync(s.User("U_ALICE", channel), ("Completed", "- Shipped refunds v2 🎉"), ("In Progress", "- billing migration (invoices table left)"),
                ("Blockers", "- Waiting on  API keys\n- flaky CI"), ("Next Week", "- Billing migration"));
            if (channel == Channel)
            {
                await WritesAsync(s.Bob(), ("Completed", "Refund emails"));
            }
        }

        await s.RunUntilAsync(SecondClose);
    }

    [Fact]
    public async Task The_summary_shows_each_plan_against_actual_and_offers_a_prefilled_decision_doc_for_a_blocker_written_two_weeks_running()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await TwoWeeksAsync(s);

        // The first week had no plan to hold anyone to, and no blocker had been written twice.
        var first = Summary(s, "Week of 17 Nov");
        Assert.DoesNotContain("Plan vs actual", first.VisibleText, StringComparison.Ordinal);
        Assert.Empty(DecisionButtons(first));

        var summary = Summary(s, "Week of 24 Nov");
        var text = summary.VisibleText;
        Assert.Contains($"*Plan vs actual* (last week's Next Week)\n• *alice*: {AlicesLine}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*bob*:", text, StringComparison.Ordinal);
        Assert.Contains("🚧 Waiting on  API keys — alice, open 9 days · *blocked for 2 weeks* · <https://", text, StringComparison.Ordinal);
        Assert.Contains("🚧 flaky CI — alice, open 2 days · <https://", text, StringComparison.Ordinal);
        var button = Assert.Single(DecisionButtons(summary));
        Assert.Equal("Start a decision doc", button["text"]!["text"]!.GetValue<string>());
        Assert.Equal(await BlockerIdAsync("Waiting on  API keys"), button["value"]!.GetValue<string>());

        // Bob reads the channel: the doc form opens with the blocker in it, to be posted in the team's channel.
        var views = s.Slack.Calls("views.open").Count;
        var clicked = await s.Bob().ClicksAsync(summary, StartDecision);
        Assert.True(clicked.IsSuccess, clicked.ToString());
        Assert.Equal(views + 1, s.Slack.Calls("views.open").Count);
        var form = s.Slack.OpenModalFor("U_BOB")!;
        Assert.Equal("decision_doc", form.CallbackId);
        Assert.Equal($"{Channel}::{button["value"]!.GetValue<string>()}", form.PrivateMetadata);
        Assert.Equal("Waiting on API keys", Initial(form, "title"));
        Assert.Equal("alice has written this blocker in their weekly updates, unchanged, week after week (open since Fri 21 Nov 2025):\n\n"
            + "> Waiting on  API keys\n\nWhat do we need to decide to unblock it?", Initial(form, "problem"));

        var posted = await s.Bob().SubmitsViewAsync(("Reviewers", new[] { "U_LENA", "U_ALICE" }));
        Assert.True(posted.IsSuccess && posted.Json is null, posted.ToString());
        await s.RunJobsAsync();
        Assert.Single(s.Slack.Messages(Channel), m => m.VisibleText.Contains("DEC-1", StringComparison.Ordinal)
            && m.VisibleText.Contains("Waiting on API keys", StringComparison.Ordinal));

        // The week page says the same.
        var links = s.Host.Services.GetRequiredService<PageLinks>();
        var page = await s.Host.Http.GetStringAsync(links.TeamWeek(SlackScenario.TeamId, Channel, new DateOnly(2025, 11, 24), "U_LENA")!.PathAndQuery);
        Assert.Contains("<section id=\"plans\"><h2>Plan vs actual</h2>", page, StringComparison.Ordinal);
        Assert.Contains(">alice</a>: 1 of 3 done · 1 in progress (2nd week) · 1 dropped: ", page, StringComparison.Ordinal);
        Assert.Contains("Plan the offsite", page, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"repeated\">blocked for 2 weeks</strong>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_shows_the_same_plan_line_linked_to_the_reply_and_flags_the_repeated_blocker()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await TwoWeeksAsync(s);

        Assert.Equal([FirstClose, SecondClose], s.DigestTimes("U_LENA"));
        Assert.DoesNotContain("Plan vs actual", s.Digests("U_LENA")[0].VisibleText, StringComparison.Ordinal);
        var digest = s.Digests("U_LENA")[1];
        var alicesReply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 24 Nov").Ts), r => r.VisibleText.Contains("refunds v2", StringComparison.Ordinal));
        var plans = Assert.Single(digest.SectionTexts(), t => t.StartsWith("*🎯 Plan vs actual", StringComparison.Ordinal));
        Assert.Equal($"*🎯 Plan vs actual (1)*\n• <https://t_acme.slack.com{DigestWorld.PermalinkPath(Channel, alicesReply)}|alice> — {AlicesLine}", plans);
        // Right after the participation: it is about the people who wrote.
        Assert.StartsWith("*Participation:*", digest.SectionTexts()[1], StringComparison.Ordinal);
        Assert.Equal(plans, digest.SectionTexts()[2]);
        var aged = Assert.Single(digest.SectionTexts(), t => t.StartsWith("*🧱 Blockers open over a week", StringComparison.Ordinal));
        Assert.Contains("|Waiting on API keys> — alice, open 9 days, blocked for 2 weeks", aged, StringComparison.Ordinal);
        var fresh = Assert.Single(digest.SectionTexts(), t => t.StartsWith("*🚧 New blockers", StringComparison.Ordinal));
        Assert.Contains("|flaky CI> — alice, open 2 days", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("blocked for", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocker_resolved_since_or_one_of_a_private_team_the_person_is_not_in_opens_no_form_and_they_are_told_why()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddChannel(Leads, "leads", members: ["U_LENA", "U_ALICE"], isPrivate: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_LENA", Leads));
        await TwoWeeksAsync(s, Channel, Leads);
        var views = s.Slack.Calls("views.open").Count;

        // The private team's summary offers it in #leads, but Bob, outside #leads, clicks a button carrying its id in #team-payments.
        var secret = Summary(s, "Week of 24 Nov", Leads);
        var secretId = Assert.Single(DecisionButtons(secret))["value"]!.GetValue<string>();
        Assert.Single(DecisionButtons(Summary(s, "Week of 24 Nov")));
        await ClickWithValueAsync(s, "U_BOB", Summary(s, "Week of 24 Nov"), secretId);
        await s.RunJobsAsync();
        Assert.Equal(views, s.Slack.Calls("views.open").Count);
        Assert.Null(s.Slack.OpenModalFor("U_BOB"));
        Assert.Equal(["That blocker is resolved or gone, so there is no doc to start from it. `/decision` writes one from scratch."],
            s.Slack.Ephemerals(Channel, "U_BOB").Select(m => m.Text));

        // Lena resolves the payments blocker on the summary; a click on its (not yet refreshed) button opens nothing.
        var summary = Summary(s, "Week of 24 Nov");
        await s.Lena().ClicksAsync(summary, "weekly_resolve_blocker");
        await s.Alice().ClicksAsync(summary, StartDecision);
        await s.RunJobsAsync();
        Assert.Equal(views, s.Slack.Calls("views.open").Count);
        Assert.Single(s.Slack.Ephemerals(Channel, "U_ALICE"));
        Assert.Empty(DecisionButtons(Summary(s, "Week of 24 Nov")));
    }

    [Fact]
    public async Task Once_a_doc_is_started_from_the_blocker_a_click_opens_no_form_and_names_it_until_it_is_withdrawn()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await TwoWeeksAsync(s);
        var summary = Summary(s, "Week of 24 Nov");
        await s.Bob().ClicksAsync(summary, StartDecision);
        Assert.True((await s.Bob().SubmitsViewAsync(("Reviewers", new[] { "U_LENA", "U_ALICE" }))).IsSuccess);
        await s.RunJobsAsync();
        var doc = Assert.Single(s.Slack.Messages(Channel), m => m.VisibleText.Contains("DEC-1", StringComparison.Ordinal));

        // The summary's button is still there (WeeklyUpdates doesn't know of docs), but Alice's click answers with the doc.
        var views = s.Slack.Calls("views.open").Count;
        Assert.True((await s.Alice().ClicksAsync(summary, StartDecision)).IsSuccess);
        await s.RunJobsAsync();
        Assert.Equal(views, s.Slack.Calls("views.open").Count);
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));
        Assert.Equal([$"DEC-1 *Waiting on API keys* was started from this blocker: <https://slack.com/archives/{Channel}/p{doc.Ts.Replace(".", "", StringComparison.Ordinal)}|Open the doc> (open)."],
            s.Slack.Ephemerals(Channel, "U_ALICE").Select(m => m.Text));

        // Withdrawn, the doc no longer stands for the blocker: the next click opens the form again, and its doc is DEC-2.
        await s.Bob().ClicksAsync(doc, "decision_withdraw");
        await s.RunJobsAsync();
        await s.Alice().ClicksAsync(summary, StartDecision);
        Assert.Equal(views + 1, s.Slack.Calls("views.open").Count);
        Assert.True((await s.Alice().SubmitsViewAsync(("Reviewers", new[] { "U_LENA" }))).IsSuccess);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal([(1, "withdrawn"), (2, "open")], await connection.QueryAsync<(int, string)>(
            "SELECT number, status FROM decisions WHERE source_blocker_id = @Id::bigint ORDER BY number", new { Id = await BlockerIdAsync("Waiting on  API keys") }));
    }

    [Fact]
    public async Task Two_people_submitting_the_prefilled_form_at_once_post_one_doc_and_the_other_form_says_which()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await TwoWeeksAsync(s);
        var summary = Summary(s, "Week of 24 Nov");
        // Both open the form before either submits.
        await s.Bob().ClicksAsync(summary, StartDecision);
        await s.Alice().ClicksAsync(summary, StartDecision);

        var submitted = await Task.WhenAll(
            s.Bob().SubmitsViewAsync(("Reviewers", new[] { "U_LENA", "U_ALICE" })),
            s.Alice().SubmitsViewAsync(("Reviewers", new[] { "U_LENA" })));
        await s.RunJobsAsync();

        Assert.All(submitted, r => Assert.True(r.IsSuccess, r.ToString()));
        Assert.Single(submitted, r => r.Json is null);
        var refused = Assert.Single(submitted, r => r.Json is not null);
        Assert.Equal("DEC-1 (“Waiting on API keys”, open) was started from this blocker while this form was open, so nothing was posted. "
            + "Review that doc in the team's channel instead.", refused.Json!["errors"]!["title"]!.GetValue<string>());
        Assert.Single(s.Slack.Messages(Channel), m => m.VisibleText.Contains("DEC-", StringComparison.Ordinal));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decisions"));
        // The refused submit rolled back its DEC number with it.
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT last_number FROM decision_counters"));
    }

    private static string? Initial(FakeView view, string blockId) =>
        view.Blocks.Single(b => b!["block_id"]?.GetValue<string>() == blockId)!["element"]?["initial_value"]?.GetValue<string>();

    private async Task<string> BlockerIdAsync(string text)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<long>("SELECT id FROM blockers WHERE text = @text", new { text })).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    // Signed and shaped as Slack sends a click on the message, with the button's value swapped for another blocker's id.
    private static Task<SlackResponse> ClickWithValueAsync(SlackScenario s, string userId, FakeMessage message, string value) =>
        s.Simulator.SendInteractionAsync(new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = SlackScenario.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "bob", ["name"] = "bob", ["team_id"] = SlackScenario.TeamId },
            ["api_app_id"] = s.Slack.AppId,
            ["token"] = s.Slack.VerificationToken,
            ["trigger_id"] = s.Slack.IssueTriggerId(userId),
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = message.Ts, ["channel_id"] = message.Channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = message.Channel, ["name"] = "team-payments" },
            ["response_url"] = s.Slack.IssueResponseUrl(userId, message.Channel, message.Ts).ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button", ["action_id"] = StartDecision, ["block_id"] = "forged", ["value"] = value, ["action_ts"] = "1764000000.000100",
            }),
        });
}

using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Bob writes for two teams, #team-payments and #team-infra: Skip is one team's week, <c>away until</c> is everywhere, and a
/// team that chose so in setup reads his Slack status.
/// </summary>
public sealed class AwayAcrossTeamsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Infra = "C_INFRA";

    private static DateTimeOffset Utc(int day, int hour) => new(2025, 11, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<SlackScenario> TwoTeamsAsync(TestDatabase database, bool paymentsReadsStatus = false)
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddChannel(Infra, Infra, members: ["U_LENA", "U_BOB"]);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), paymentsReadsStatus ? [("status_away", new[] { "status_away" })] : []);
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_LENA", Infra));
        return s;
    }

    private static IReadOnlyList<DateTimeOffset> NudgesFrom(SlackScenario s, string userId, string channelId, string emoji) =>
        [.. s.Slack.Calls("chat.postMessage")
            .Where(c => c.Ok && c.Arg("channel") == userId && c.Arg("text")!.StartsWith(emoji, StringComparison.Ordinal)
                && c.Arg("text")!.Contains("<#" + channelId + ">", StringComparison.Ordinal))
            .Select(c => c.At)];

    private static async Task<string> StatusInAsync(SlackScenario s, string channel) =>
        (await s.AnswerToAsync(s.User("U_LENA", channel), Command, "status"))!;

    /// <summary>Bob sets a status in Slack, and Slack tells the app with user_change as it does.</summary>
    private static async Task BobSetsStatusAsync(SlackScenario s, string text, string emoji, DateTimeOffset? until)
    {
        s.Slack.SetStatus("U_BOB", text, emoji, until);
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject
        {
            ["type"] = "user_change",
            ["user"] = new JsonObject
            {
                ["id"] = "U_BOB", ["team_id"] = SlackScenario.TeamId, ["name"] = "bob", ["tz"] = "America/New_York",
                ["profile"] = new JsonObject
                {
                    ["display_name"] = "bob", ["status_text"] = text, ["status_emoji"] = emoji,
                    ["status_expiration"] = until?.ToUnixTimeSeconds() ?? 0,
                },
            },
        }));
    }

    [Fact]
    public async Task Skip_this_week_is_that_teams_week_only_the_other_team_still_reminds_him_and_next_week_prompts_him_again()
    {
        await using var s = await TwoTeamsAsync(database);
        await s.RunUntilAsync(BobsPrompt);
        var paymentsPrompt = Assert.Single(s.Nudges("U_BOB"), m => m.Text.Contains("<#C_PAY>", StringComparison.Ordinal));
        Assert.Single(s.Nudges("U_BOB"), m => m.Text.Contains("<#C_INFRA>", StringComparison.Ordinal));

        await s.Bob().ClicksAsync(paymentsPrompt, "weekly_skip");
        await s.RunUntilAsync(FirstClose.AddMinutes(-1));

        Assert.Contains("Away (1): <@U_BOB>", await StatusInAsync(s, Channel), StringComparison.Ordinal);
        var infra = await StatusInAsync(s, Infra);
        Assert.Contains("<@U_BOB>", infra[infra.IndexOf("Missing", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("Away (1)", infra, StringComparison.Ordinal);
        // His own week in the other team is untouched: no away days were written for him.
        Assert.Contains("away none", await s.AnswerToAsync(s.Bob(), Command, "settings"), StringComparison.Ordinal);

        await s.RunUntilAsync(FirstClose);
        var summary = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));
        Assert.Contains("*Away (1):* bob", summary.VisibleText, StringComparison.Ordinal);

        await s.RunUntilAsync(Utc(25, 23));
        Assert.Empty(NudgesFrom(s, "U_BOB", "C_PAY", "⏰"));
        Assert.Equal([Utc(24, 14), Utc(25, 14)], NudgesFrom(s, "U_BOB", Infra, "⏰"));

        await s.RunUntilAsync(BobsPrompt.AddDays(7));
        Assert.Equal([BobsPrompt, BobsPrompt.AddDays(7)], NudgesFrom(s, "U_BOB", "C_PAY", "📝"));
    }

    [Fact]
    public async Task Away_until_a_date_keeps_every_team_from_prompting_him_and_every_team_shows_him_away()
    {
        await using var s = await TwoTeamsAsync(database);
        Assert.Contains("Saved", await s.AnswerToAsync(s.Bob(), Command, "away until 2025-11-30"), StringComparison.Ordinal);

        await s.RunUntilAsync(FirstClose.AddMinutes(-1));

        Assert.Empty(s.Nudges("U_BOB"));
        Assert.Contains("Away (1): <@U_BOB>", await StatusInAsync(s, Channel), StringComparison.Ordinal);
        Assert.Contains("Away (1): <@U_BOB>", await StatusInAsync(s, Infra), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_team_that_reads_slack_statuses_holds_his_prompt_while_he_is_on_vacation_and_shows_him_away_the_other_does_not()
    {
        await using var s = await TwoTeamsAsync(database, paymentsReadsStatus: true);
        // After the team's prompt went out (his profile fresh from then), before his own prompt reaches him at 09:00 New York.
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        await BobSetsStatusAsync(s, "Vacationing", ":palm_tree:", until: null);
        Assert.DoesNotContain(s.Slack.Calls("users.info"), c => c.At > FirstPrompt.AddHours(1));

        await s.RunUntilAsync(FirstClose);

        Assert.Empty(NudgesFrom(s, "U_BOB", "C_PAY", "📝"));
        Assert.Equal([BobsPrompt], NudgesFrom(s, "U_BOB", Infra, "📝"));
        var payments = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));
        Assert.Contains("*Away (1):* bob", payments.VisibleText, StringComparison.Ordinal);
        var infra = Assert.Single(s.Slack.ThreadReplies(Infra, s.Root("Week of 17 Nov", Infra).Ts), r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));
        Assert.Contains("*Away (0):*", infra.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_office_status_with_an_expiry_holds_his_prompt_until_it_clears_and_a_cleared_status_lets_reminders_through()
    {
        await using var s = await TwoTeamsAsync(database, paymentsReadsStatus: true);
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        // Out of office until 15:00 in New York on Friday.
        await BobSetsStatusAsync(s, "OOO", ":no_entry_sign:", until: Utc(21, 20));

        await s.RunUntilAsync(Utc(22, 0));
        Assert.Equal([Utc(21, 20)], NudgesFrom(s, "U_BOB", "C_PAY", "📝"));

        // Out again over the weekend with no expiry: Monday's reminder (09:00 New York) is dropped; back on Monday
        // afternoon (status cleared, user_change), Tuesday's reaches him.
        await BobSetsStatusAsync(s, "Out of office", "", until: null);
        await s.RunUntilAsync(Utc(24, 16));
        Assert.Empty(NudgesFrom(s, "U_BOB", "C_PAY", "⏰"));
        await BobSetsStatusAsync(s, "", "", until: null);
        await s.RunUntilAsync(Utc(25, 23));
        Assert.Equal([Utc(25, 14)], NudgesFrom(s, "U_BOB", "C_PAY", "⏰"));
        // The other team does not read statuses: both its reminders went out.
        Assert.Equal([Utc(24, 14), Utc(25, 14)], NudgesFrom(s, "U_BOB", Infra, "⏰"));
    }

    [Fact]
    public async Task Setup_shows_the_status_choice_and_keeps_it()
    {
        await using var s = await TwoTeamsAsync(database, paymentsReadsStatus: true);

        await s.Lena().RunsCommandAsync(Command, "setup");
        var form = s.Slack.OpenModalFor("U_LENA")!;
        var block = form.Blocks.Single(b => b!["block_id"]?.GetValue<string>() == "status_away")!;

        Assert.Contains("status_away", block["element"]!["initial_options"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("OOO", block.ToJsonString(), StringComparison.Ordinal);
    }
}

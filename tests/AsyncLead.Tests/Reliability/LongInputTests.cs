using System.Text.Json.Nodes;
using AsyncLead.Features.Members;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Features.Decisions;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Reliability;

/// <summary>
/// Every command argument and form field has a length cap, answered in plain words with nothing half-written: a command
/// gets an ephemeral, a form keeps its modal open with the limit under the field. A submission longer than the form
/// allows (one that skipped Slack's own max_length) reaches no handler.
/// </summary>
public sealed class LongInputTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly string Spaces = new(' ', 16_000);

    [Theory]
    [InlineData("settings hours 1{0}x")]
    [InlineData("settings focus Tue-Thu 09:00{0}-12:00")]
    [InlineData("away until{0}2026-12-01")]
    public async Task A_setting_over_200_characters_is_refused_and_changes_nothing(string pattern)
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var answer = await s.AnswerToAsync(s.Alice(), Command, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Spaces));

        Assert.Contains("characters long; a setting is at most 200, so nothing was changed", answer, StringComparison.Ordinal);
        var schedule = await ScheduleOfAsync(s, "U_ALICE");
        Assert.Equal(MemberSchedule.DefaultWorkingHours, schedule.WorkingHours);
        Assert.Empty(schedule.FocusBlocks);
        Assert.Empty(schedule.AwayPeriods);
    }

    [Fact]
    public async Task A_setting_of_exactly_200_characters_is_read_as_usual()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        const string first = "hours Mon 08:30-16:30,";
        const string rest = " Tue 08:30-16:30, Wed 08:30-16:30, Thu 08:30-16:30, Fri 08:30-13:00, Sat 10:00-12:00";
        var setting = first + new string(' ', 200 - first.Length - rest.Length) + rest;
        Assert.Equal(200, setting.Length);

        var answer = await s.AnswerToAsync(s.Alice(), Command, "settings " + setting);

        Assert.Contains("hours Mon-Thu 08:30-16:30, Fri 08:30-13:00, Sat 10:00-12:00", answer, StringComparison.Ordinal);
        Assert.Equal(6, (await ScheduleOfAsync(s, "U_ALICE")).WorkingHours.Count);
    }

    [Fact]
    public async Task A_digest_setting_over_100_characters_is_refused_and_changes_nothing()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var answer = await s.AnswerToAsync(s.Alice(), Command, "digest friday" + new string(' ', 100) + "16:30");

        Assert.StartsWith("That is 111 characters long; a digest setting is at most 100, so nothing was changed.", answer, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(s, "SELECT count(*) FROM digest_preferences"));
    }

    [Fact]
    public async Task An_inline_update_over_15000_characters_is_refused_and_nothing_is_saved()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var huge = await s.AnswerToAsync(s.Alice(), Command, "Completed: " + string.Concat(Enumerable.Repeat("shipped payouts ", 1_000)));
        await s.RunJobsAsync();

        Assert.StartsWith("Your update is 16,010 characters long, and one written after `/weekly-update` is at most 15,000, so I didn't save anything.",
            huge, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(s, "SELECT count(*) FROM weekly_updates"));
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));

        // A long update under the cap is saved and posted as any other.
        var fits = await s.AnswerToAsync(s.Alice(), Command, "Completed: " + string.Concat(Enumerable.Repeat("shipped payouts ", 900)));
        await s.RunJobsAsync();
        Assert.Contains("Saved", fits, StringComparison.Ordinal);
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
    }

    [Fact]
    public async Task A_long_unknown_word_is_quoted_only_in_part()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var answer = await s.AnswerToAsync(s.Alice(), Command, new string('z', 16_000));

        Assert.StartsWith($"I don't know `{new string('z', 40)}…`.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pasted_decision_doc_the_form_cannot_hold_is_refused_before_the_form_opens()
    {
        await using var team = await DecisionTeam.StartAsync(database, new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));

        var tooLong = await team.Scenario.AnswerToAsync(team.AliceUser, "/decision", "# Queue\n## Problem Statement\n" + new string('p', 20_000));
        var longTitle = await team.Scenario.AnswerToAsync(team.AliceUser, "/decision", new string('t', 151));
        var longSection = await team.Scenario.AnswerToAsync(team.AliceUser, "/decision",
            "# Move the queue\n## Problem Statement\nJobs are lost.\n## Analysis\n" + new string('a', 3_001));

        Assert.StartsWith("That is 20,029 characters long; a doc pasted after `/decision` is at most 20,000.", tooLong, StringComparison.Ordinal);
        Assert.StartsWith("The title is 151 characters long; the form holds at most 150 there, so I didn't open it.", longTitle, StringComparison.Ordinal);
        Assert.StartsWith("Analysis is 3,001 characters long; the form holds at most 3,000 there", longSection, StringComparison.Ordinal);
        Assert.Empty(team.Slack.Calls("views.open"));
    }

    [Fact]
    public async Task An_update_form_field_longer_than_slack_allows_is_refused_on_that_field_and_nothing_is_saved()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command);
        var form = s.Slack.OpenModalFor("U_ALICE")!;

        var refused = await SubmitsPastSlacksFormAsync(s, "U_ALICE", form, "completed", new string('x', 3_001));
        // The declared max_length is not what holds the line: without it, Slack's 3000 for any text input still does.
        var undeclared = await SubmitsPastSlacksFormAsync(s, "U_ALICE", form, "next_week", new string('x', 3_001), dropMaxLength: true);
        await s.RunJobsAsync();

        AssertRefusedOn(refused, "completed", "This is 3,001 characters long; it can be at most 3,000. Nothing was saved.");
        AssertRefusedOn(undeclared, "next_week", "This is 3,001 characters long; it can be at most 3,000. Nothing was saved.");
        Assert.Equal(0, await CountAsync(s, "SELECT count(*) FROM weekly_updates"));
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Contains(s.Host.Logs.Lines, line => line.Contains("view_submission weekly_update carried a field longer than Slack lets through", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_working_time_field_longer_than_the_form_allows_is_refused_on_that_field_and_nothing_changes()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.Alice().ClicksAsync(await s.OpensHomeAsync(s.Alice()), "home_edit_schedule");
        var form = s.Slack.OpenModalFor("U_ALICE")!;

        var refused = await SubmitsPastSlacksFormAsync(s, "U_ALICE", form, "hours", "Mon-Fri 09:00-17:00" + new string(' ', 200));

        AssertRefusedOn(refused, "hours", "This is 219 characters long; it can be at most 194. Nothing was saved.");
        Assert.Equal(MemberSchedule.DefaultWorkingHours, (await ScheduleOfAsync(s, "U_ALICE")).WorkingHours);
    }

    [Fact]
    public async Task Every_text_input_of_every_form_the_bot_opens_has_a_max_length()
    {
        await using (var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam())
        {
            await s.SetsUpWeeklyUpdatesAsync(s.Lena());
            await s.Lena().RunsCommandAsync(Command, "setup");
            await s.Alice().RunsCommandAsync(Command);
            await s.Alice().ClicksAsync(await s.OpensHomeAsync(s.Alice()), "home_edit_schedule");
            AssertEveryTextInputCapped(s.Slack, ["weekly_setup", "weekly_update", "home_schedule"]);
        }

        await using var team = await DecisionTeam.StartAsync(database, new DateTimeOffset(2025, 11, 17, 8, 0, 0, TimeSpan.Zero));
        await team.AlicePostsDocAsync();
        await team.BobUser.ClicksAsync(team.Doc(), "decision_concern");
        await team.AliceUser.ClicksAsync(team.Doc(), "decision_extend");
        AssertEveryTextInputCapped(team.Slack, ["decision_doc", "decision_comment", "decision_extend"]);
    }

    private static void AssertEveryTextInputCapped(FakeSlack slack, string[] callbackIds)
    {
        var views = slack.Calls().Where(c => c.Method is "views.open" or "views.push" or "views.update").Select(c => c.Args["view"]!.AsObject()).ToList();
        Assert.Superset(callbackIds.ToHashSet(), views.Select(v => v["callback_id"]?.GetValue<string>() ?? "").ToHashSet());
        var uncapped = views
            .SelectMany(view => view["blocks"]!.AsArray().OfType<JsonObject>().Select(block => (View: view, Block: block)))
            .Where(v => v.Block["element"]?["type"]?.GetValue<string>() == "plain_text_input" && v.Block["element"]?["max_length"] is null)
            .Select(v => $"{v.View["callback_id"]}/{v.Block["block_id"]}")
            .ToList();
        Assert.Empty(uncapped);
    }

    private static void AssertRefusedOn(SlackResponse response, string blockId, string message)
    {
        Assert.True(response.IsSuccess, response.ToString());
        Assert.Equal("errors", response.Json?["response_action"]?.GetValue<string>());
        Assert.Equal(message, response.Json!["errors"]![blockId]?.GetValue<string>());
    }

    /// <summary>A view_submission signed as Slack signs it, carrying more than the form's max_length lets anyone type.</summary>
    private static Task<SlackResponse> SubmitsPastSlacksFormAsync(SlackScenario s, string userId, FakeView form, string blockId, string value,
        bool dropMaxLength = false)
    {
        var view = form.Json.DeepClone().AsObject();
        var block = view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == blockId);
        var element = block["element"]!.AsObject();
        if (dropMaxLength)
        {
            element.Remove("max_length");
        }

        view["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [blockId] = new JsonObject { [element["action_id"]!.GetValue<string>()] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value } },
            },
        };
        return s.Simulator.SendInteractionAsync(new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = SlackScenario.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "alice", ["name"] = "alice", ["team_id"] = SlackScenario.TeamId },
            ["api_app_id"] = s.Slack.AppId,
            ["token"] = s.Slack.VerificationToken,
            ["trigger_id"] = s.Slack.IssueTriggerId(userId),
            ["view"] = view,
            ["response_urls"] = new JsonArray(),
            ["is_enterprise_install"] = false,
        });
    }

    private static async Task<MemberSchedule> ScheduleOfAsync(SlackScenario s, string userId) =>
        (await s.Host.Services.GetRequiredService<MemberDirectory>().GetAsync(SlackScenario.TeamId, userId, CancellationToken.None)).Schedule;

    private static async Task<long> CountAsync(SlackScenario s, string sql)
    {
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}

using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class EdgeTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static async Task<string> StatusAsync(SlackScenario s) =>
        await s.StatusAsync(s.Lena());

    [Fact]
    public async Task Uninstalling_the_app_cancels_the_teams_pending_prompts_and_week_close()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        Assert.True(await PendingWeeklyJobsAsync() > 0);

        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" }));

        Assert.Equal(0, await PendingWeeklyJobsAsync());
        await s.AdvanceAsync(TimeSpan.FromDays(8));
        Assert.Empty(s.Roots());
    }

    private async Task<int> PendingWeeklyJobsAsync()
    {
        await using var connection = database.DataSource.CreateConnection();
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection,
            "SELECT count(*) FROM jobs WHERE kind LIKE 'weekly.%' AND state IN ('available', 'running')");
    }

    [Fact]
    public async Task An_empty_form_is_answered_with_a_field_error_and_nothing_is_saved()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.Alice().RunsCommandAsync(Command);

        var submitted = await s.Alice().SubmitsViewAsync(("Completed", "  \n "));
        await s.RunJobsAsync();

        Assert.Equal("errors", submitted.Json?["response_action"]?.GetValue<string>());
        Assert.Contains("at least one section", submitted.Json?["errors"]?["completed"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(s.Slack.OpenModalFor("U_ALICE"));
        Assert.Empty(s.Roots());
        Assert.Contains("Wrote (0)", await StatusAsync(s), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inline_update_with_only_empty_sections_is_refused_and_nothing_is_saved()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var ack = await s.Alice().RunsCommandAsync(Command, "Done:\nBlockers: \nNext week:");
        await s.RunJobsAsync();

        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Contains("empty", EphemeralTextFor(ack), StringComparison.Ordinal);
        Assert.Empty(s.Roots());
        Assert.Contains("Wrote (0)", await StatusAsync(s), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_over_slacks_limits_is_split_across_blocks_so_the_post_never_fails_and_form_fields_are_capped()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        var items = string.Join('\n', Enumerable.Range(1, 150).Select(i => $"- shipped item {i:000} of the payouts migration, with notes"));

        await s.Alice().RunsCommandAsync(Command, "Done:\n" + items);
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, Assert.Single(s.Roots()).Ts));
        var sections = reply.Blocks.Where(b => b!["type"]!.GetValue<string>() == "section").Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        Assert.True(sections.Count > 3);
        Assert.All(sections, text => Assert.True(text.Length <= 3000));
        Assert.Contains("shipped item 150 of the payouts migration", reply.VisibleText, StringComparison.Ordinal);
        Assert.All(s.Slack.Calls("chat.postMessage"), call => Assert.True(call.Ok, call.Response.ToJsonString()));

        await s.Alice().RunsCommandAsync(Command);
        var inputs = s.Slack.OpenModalFor("U_ALICE")!.Blocks.Where(b => b!["type"]!.GetValue<string>() == "input").ToList();
        Assert.Equal(4, inputs.Count);
        Assert.All(inputs, input => Assert.Equal(3000, input!["element"]!["max_length"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Setup_in_a_channel_without_the_bot_asks_to_invite_it_and_opens_nothing()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam(botIsMember: false);

        var answer = await s.AnswerToAsync(s.Lena(), Command, "setup");

        Assert.Contains("/invite @AsyncLead", answer, StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_LENA"));
        Assert.Contains("isn't set up", await s.StatusAsync(s.Lena()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_in_a_channel_the_bot_was_removed_from_asks_to_invite_it_and_saves_nothing()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RemovesBotAsync(Channel);

        var inline = await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        var form = await s.AnswerToAsync(s.Alice(), Command);
        await s.RunJobsAsync();

        Assert.Contains("/invite @AsyncLead", EphemeralTextFor(inline), StringComparison.Ordinal);
        Assert.Contains("/invite @AsyncLead", form, StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));
        await s.InvitesBotAsync(Channel);
        Assert.Contains("Wrote (0)", await StatusAsync(s), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_is_asked_about_the_channel_once_and_then_the_events_and_posts_keep_the_answer_true()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        var asked = s.Slack.Calls("conversations.info").Count;

        await s.Alice().RunsCommandAsync(Command);
        await s.Bob().RunsCommandAsync(Command);
        await s.AdvanceAsync(TimeSpan.FromDays(2));
        await s.Alice().RunsCommandAsync(Command);
        Assert.Equal(asked, s.Slack.Calls("conversations.info").Count);

        // Removed without the event reaching us: the form still opens, the post finds out, and the next command asks again.
        s.Slack.SetBotMembership(Channel, isMember: false);
        await s.Alice().SubmitsViewAsync(("Completed", "Payouts"));
        await s.RunJobsAsync();
        var again = await s.AnswerToAsync(s.Bob(), Command);
        Assert.Equal(asked + 1, s.Slack.Calls("conversations.info").Count);
        Assert.Contains("/invite @AsyncLead", again, StringComparison.Ordinal);
        Assert.Contains("/invite @AsyncLead", EphemeralTextFor(await s.Bob().RunsCommandAsync(Command, "Done: refunds")), StringComparison.Ordinal);

        // Invited again: the event says so, and nothing asks Slack.
        await s.InvitesBotAsync(Channel);
        Assert.Contains("Saved", EphemeralTextFor(await s.Bob().RunsCommandAsync(Command, "Done: refunds")), StringComparison.Ordinal);
        await s.Bob().RunsCommandAsync(Command);
        Assert.NotNull(s.Slack.OpenModalFor("U_BOB"));
        Assert.Equal(asked + 1, s.Slack.Calls("conversations.info").Count);
    }

    [Theory]
    [InlineData("channel_archive")]
    [InlineData("group_archive")]
    [InlineData("group_left")]
    public async Task Archiving_the_channel_or_removing_the_bot_from_a_private_one_stops_updates_at_the_ack(string eventType)
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        Assert.Contains("Saved", EphemeralTextFor(await s.Alice().RunsCommandAsync(Command, "Done: payouts")), StringComparison.Ordinal);

        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new System.Text.Json.Nodes.JsonObject { ["type"] = eventType, ["channel"] = Channel }));

        Assert.Contains("/invite @AsyncLead", EphemeralTextFor(await s.Alice().RunsCommandAsync(Command, "Done: refunds")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unarchiving_the_channel_makes_the_next_form_ask_slack_again()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new System.Text.Json.Nodes.JsonObject { ["type"] = "channel_archive", ["channel"] = Channel }));
        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new System.Text.Json.Nodes.JsonObject { ["type"] = "channel_unarchive", ["channel"] = Channel }));
        var asked = s.Slack.Calls("conversations.info").Count;

        // Slack still has the bot in the channel: asked once after the ack, the inline update is saved.
        Assert.Contains("Saved", EphemeralTextFor(await s.Alice().RunsCommandAsync(Command, "Done: refunds")), StringComparison.Ordinal);
        Assert.Equal(asked + 1, s.Slack.Calls("conversations.info").Count);
    }

    [Fact]
    public async Task A_saved_update_whose_post_finds_the_bot_gone_is_kept_its_author_told_once_and_posted_after_the_invite()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command);
        s.Slack.SetBotMembership(Channel, isMember: false);

        await s.Alice().SubmitsViewAsync(("Completed", "Payouts"));
        await s.RunUntilAsync(FirstPrompt.AddMinutes(40));

        var told = Assert.Single(s.Slack.Messages("U_ALICE"), m => m.Text.Contains("/invite @AsyncLead", StringComparison.Ordinal));
        Assert.Contains("saved", told.Text, StringComparison.Ordinal);
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));

        s.Slack.SetBotMembership(Channel, isMember: true);
        await s.RunUntilAsync(FirstPrompt.AddMinutes(60));

        Assert.Contains("Payouts", Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_dm_without_a_team_it_says_to_run_it_in_the_team_channel()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        var inDm = s.User("U_ALICE");

        var update = await inDm.RunsCommandAsync(Command, "Done: payouts");
        var setup = await inDm.RunsCommandAsync(Command, "setup");

        Assert.Contains("Run this in your team's channel", EphemeralTextFor(update), StringComparison.Ordinal);
        Assert.Contains("in the team channel", EphemeralTextFor(setup), StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));
    }

    [Fact]
    public async Task In_a_dm_with_one_team_the_update_goes_to_that_teams_thread_and_with_two_it_names_both_channels()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        var inDm = s.User("U_ALICE");

        var saved = await inDm.RunsCommandAsync(Command, "Done: payouts");
        await s.RunJobsAsync();
        Assert.Contains("<#C_PAY>", EphemeralTextFor(saved), StringComparison.Ordinal);
        Assert.Single(s.Slack.ThreadReplies(Channel, Assert.Single(s.Roots()).Ts));

        s.Slack.AddChannel("C_WEB", "team-web", members: ["U_LENA", "U_ALICE"]);
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_LENA", "C_WEB"));
        var ambiguous = await s.StatusAsync(inDm);

        Assert.Contains("<#C_PAY>", ambiguous, StringComparison.Ordinal);
        Assert.Contains("<#C_WEB>", ambiguous, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sub_command_and_help_answer_with_what_the_command_can_do()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var typo = await s.Alice().RunsCommandAsync(Command, "stauts");
        var help = await s.Alice().RunsCommandAsync(Command, "help");

        Assert.True(typo.IsSuccess, typo.ToString());
        Assert.Contains("I don't know `stauts`", EphemeralTextFor(typo), StringComparison.Ordinal);
        Assert.Contains("/weekly-update status", EphemeralTextFor(typo), StringComparison.Ordinal);
        Assert.Contains("/weekly-update away until", EphemeralTextFor(help), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_slack_rate_limits_posts_the_update_is_saved_at_once_its_author_is_told_it_is_queued_and_it_posts_once_when_slack_recovers()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        s.Slack.Faults.RateLimit("chat.postMessage", times: 3, retryAfterSeconds: 30);

        var ack = await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunUntilAsync(FirstPrompt.AddSeconds(10));

        Assert.Contains("Saved", EphemeralTextFor(ack), StringComparison.Ordinal);
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        var queued = Assert.Single(s.Slack.Ephemerals(Channel, "U_ALICE"), m => m.Text.Contains("as soon as Slack recovers", StringComparison.Ordinal));
        Assert.Contains("saved", queued.Text, StringComparison.Ordinal);

        await s.RunUntilAsync(FirstPrompt.AddMinutes(5));

        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Single(s.Slack.Ephemerals(Channel, "U_ALICE"), m => m.Text.Contains("as soon as Slack recovers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_slack_rate_limits_every_method_an_inline_update_is_still_saved_at_once_and_posted_once_it_recovers()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        s.Slack.Faults.RateLimit(times: 6, retryAfterSeconds: 30);

        var ack = await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        Assert.Contains("Saved", EphemeralTextFor(ack), StringComparison.Ordinal);
        await s.RunUntilAsync(FirstPrompt.AddMinutes(10));

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Contains("payouts", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains(s.Slack.Calls(), c => c.StatusCode == 429);
    }

    [Fact]
    public async Task While_slack_fails_with_server_errors_the_update_waits_and_is_posted_exactly_once_afterwards()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        s.Slack.Faults.ServerError("chat.postMessage", times: 8);

        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunUntilAsync(FirstPrompt.AddMinutes(30));

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Contains("payouts", reply.VisibleText, StringComparison.Ordinal);
    }
}

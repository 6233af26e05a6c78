using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class SetupAndPromptTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_setup_modal_offers_friday_ten_in_the_leads_zone_for_everyone_with_default_reminders_and_the_lead_as_digest_recipient()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var ack = await s.Lena().RunsCommandAsync(Command, "setup");

        Assert.True(ack.IsSuccess, ack.ToString());
        var modal = s.Slack.OpenModalFor("U_LENA")!.Json;
        var blocks = modal["blocks"]!.AsArray();
        string? Initial(string blockId, string property) =>
            blocks.Single(b => b!["block_id"]?.GetValue<string>() == blockId)!["element"]![property]?.ToJsonString();
        Assert.Contains("Friday", Initial("prompt_day", "initial_option"));
        Assert.Equal("\"10:00\"", Initial("prompt_time", "initial_time"));
        Assert.Contains("\"Europe/Berlin\"", Initial("time_zone", "initial_option"), StringComparison.Ordinal);
        Assert.Contains("everyone", Initial("expected", "initial_option"));
        Assert.Contains("default", Initial("reminders", "initial_option"));
        Assert.Equal("[\"U_LENA\"]", Initial("digest", "initial_users"));
        Assert.Equal("\"15\"", Initial("standup", "initial_value"));
    }

    [Fact]
    public async Task The_first_weekly_update_in_a_channel_with_no_team_offers_a_button_that_opens_setup_with_good_defaults()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var answer = await s.Alice().RunsCommandAsync(Command);

        var text = answer.Json?["text"]?.GetValue<string>() ?? "";
        Assert.StartsWith("This channel isn't set up for weekly updates yet. Anyone in it can set it up", text, StringComparison.Ordinal);
        Assert.Contains("becomes the team's lead", text, StringComparison.Ordinal);
        Assert.Null(s.Slack.OpenModalFor("U_ALICE"));

        var clicked = await s.Alice().ClicksInAnswerAsync(answer, "weekly_open_setup");
        Assert.True(clicked.IsSuccess, clicked.ToString());
        var modal = s.Slack.OpenModalFor("U_ALICE");
        Assert.Equal("weekly_setup", modal?.CallbackId);
        Assert.Contains("\"Europe/Berlin\"", modal!.Json.ToJsonString(), StringComparison.Ordinal);

        Assert.True((await s.Alice().SubmitsViewAsync()).IsSuccess);
        await s.RunUntilAsync(FirstPrompt);
        Assert.Single(s.Nudges("U_LENA"));
    }

    [Fact]
    public async Task An_inline_update_in_a_channel_with_no_team_says_it_was_not_saved_and_offers_setup()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        var answer = await s.Alice().RunsCommandAsync(Command, "Done: payouts; Blocked: bank keys");

        Assert.Contains("Your update wasn't saved: send it again once the team is set up.", answer.Json?["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("weekly_open_setup", answer.Body, StringComparison.Ordinal);
        await s.RunJobsAsync();
        Assert.Empty(s.Slack.Messages(Channel));
    }

    [Fact]
    public async Task After_setup_the_thread_root_and_a_dm_prompt_to_each_person_go_out_on_friday_at_ten_team_time()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var confirmation = Assert.Single(s.Slack.Ephemerals(Channel, "U_LENA"));
        Assert.Contains("set up", confirmation.Text, StringComparison.Ordinal);
        await s.RunUntilAsync(FirstPrompt.AddMinutes(-1));
        Assert.Empty(s.Roots());
        Assert.Empty(s.Nudges("U_ALICE"));

        await s.RunUntilAsync(FirstPrompt);
        Assert.Empty(s.Nudges("U_BOB"));
        await s.RunUntilAsync(BobsPrompt);

        var root = s.Root("Week of 17 Nov");
        Assert.Equal("📊 Week of 17 Nov: updates", root.Text);
        foreach (var person in new[] { "U_LENA", "U_ALICE", "U_BOB" })
        {
            var prompt = Assert.Single(s.Nudges(person));
            Assert.Contains("<#C_PAY>", prompt.VisibleText, StringComparison.Ordinal);
            Assert.Contains("Write update", prompt.VisibleText, StringComparison.Ordinal);
            Assert.Contains("Skip this week", prompt.VisibleText, StringComparison.Ordinal);
            Assert.Equal([person == "U_BOB" ? BobsPrompt : FirstPrompt], s.NudgeTimes(person, "📝"));
        }

        Assert.Empty(s.Slack.Messages("U_DEPLOYBOT"));
        Assert.Empty(s.Slack.Messages("U_GONE"));
    }

    [Fact]
    public async Task A_team_that_chose_its_people_prompts_only_them_in_its_own_zone_on_its_own_day()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();

        await s.SetsUpWeeklyUpdatesAsync(s.Lena(),
            ("prompt_day", "Thursday"), ("prompt_time", "16:30"), ("time_zone", "America/New_York"),
            ("expected", "chosen"), ("members", new[] { "U_BOB" }));

        var thursdayHalfPastFourInNewYork = new DateTimeOffset(2025, 11, 20, 21, 30, 0, TimeSpan.Zero);
        await s.RunUntilAsync(thursdayHalfPastFourInNewYork);
        Assert.Single(s.Roots());
        Assert.Equal([thursdayHalfPastFourInNewYork], s.NudgeTimes("U_BOB", "📝"));
        Assert.Empty(s.Nudges("U_ALICE"));
        Assert.Empty(s.Nudges("U_LENA"));
    }

    [Fact]
    public async Task Every_week_gets_its_own_root_and_saving_setup_again_moves_the_next_prompt_instead_of_adding_one()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("prompt_day", "Wednesday"));
        await s.Lena().RunsCommandAsync(Command, "setup");
        Assert.Contains("Wednesday", s.Slack.OpenModalFor("U_LENA")!.Blocks
            .Single(b => b!["block_id"]?.GetValue<string>() == "prompt_day")!["element"]!["initial_option"]!.ToJsonString(), StringComparison.Ordinal);
        await s.Lena().ClosesViewAsync();

        await s.RunUntilAsync(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["📊 Week of 17 Nov: updates", "📊 Week of 24 Nov: updates"], s.Roots().Select(r => r.Text));
        Assert.Equal([new DateTimeOffset(2025, 11, 19, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 26, 9, 0, 0, TimeSpan.Zero)],
            s.NudgeTimes("U_ALICE", "📝"));
    }

    [Fact]
    public async Task Setup_answers_no_chosen_people_and_odd_minutes_with_field_errors_and_saves_nothing()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.Lena().RunsCommandAsync(Command, "setup");

        var saved = await s.Lena().SubmitsViewAsync(("expected", "chosen"), ("standup", "999"));
        await s.RunJobsAsync();

        var errors = saved.Json?["errors"];
        Assert.Contains("Pick at least one person", errors?["members"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("0 to 240", errors?["standup"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(s.Slack.Ephemerals(Channel, "U_LENA"));
        Assert.Contains("isn't set up", await s.StatusAsync(s.Lena()), StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>The lead runs the team: pauses it, switches it off, resumes it, moves its close, picks its zone from a list.</summary>
public sealed class TeamAdminTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static DateTimeOffset Utc(int month, int day, int hour) => new(2025, month, day, hour, 0, 0, TimeSpan.Zero);

    private static JsonNode Block(JsonArray blocks, string blockId) =>
        blocks.Single(b => b!["block_id"]?.GetValue<string>() == blockId)!;

    [Fact]
    public async Task Paused_nobody_is_prompted_and_no_week_closes_until_the_lead_resumes_then_the_next_prompt_goes_out_as_before()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var paused = await s.AnswerToAsync(s.Lena(), Command, "pause");
        await s.RunUntilAsync(FirstClose.AddDays(1));

        Assert.Contains("paused", paused, StringComparison.Ordinal);
        Assert.Empty(s.Roots());
        Assert.Empty(s.Nudges("U_ALICE"));
        await s.Lena().RunsCommandAsync(Command, "setup");
        Assert.Contains("Paused", s.Slack.OpenModalFor("U_LENA")!.Blocks[0]!.ToJsonString(), StringComparison.Ordinal);
        await s.Lena().ClosesViewAsync();

        var resumed = await s.AnswerToAsync(s.Lena(), Command, "resume");
        await s.RunUntilAsync(FirstPrompt.AddDays(7));

        Assert.Contains("on again", resumed, StringComparison.Ordinal);
        Assert.Equal(["📊 Week of 24 Nov: updates"], s.Roots().Select(r => r.Text));
        Assert.Equal([FirstPrompt.AddDays(7)], s.NudgeTimes("U_ALICE", "📝"));
        Assert.Contains("running already", await s.AnswerToAsync(s.Lena(), Command, "resume"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switched_off_the_weekly_rhythm_stops_for_good_and_resume_starts_it_with_the_same_setup()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("prompt_day", "Wednesday"));
        Assert.Contains("switched off", await s.AnswerToAsync(s.Lena(), Command, "off"), StringComparison.Ordinal);

        await s.RunUntilAsync(Utc(12, 8, 0));
        Assert.Empty(s.Roots());
        // Off ends the rhythm: no prompt job waits any more.
        Assert.Equal(0, await PendingPromptsAsync(s));

        await s.AnswerToAsync(s.Lena(), Command, "resume");
        await s.RunUntilAsync(Utc(12, 11, 0));
        Assert.Equal(["📊 Week of 8 Dec: updates"], s.Roots().Select(r => r.Text));
    }

    [Fact]
    public async Task Only_the_lead_or_a_workspace_admin_may_pause_and_anyone_else_is_told_who_may()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddUser("U_ADMIN", "ada", tz: "Europe/Berlin", isAdmin: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var refused = await s.AnswerToAsync(s.Alice(), Command, "pause");
        Assert.Contains("Only <@U_LENA>", refused, StringComparison.Ordinal);
        Assert.Contains("Nothing changed", refused, StringComparison.Ordinal);
        await s.RunUntilAsync(FirstPrompt);
        Assert.Single(s.Nudges("U_ALICE"));

        var byAdmin = await s.AnswerToAsync(s.User("U_ADMIN", Channel), Command, "off");
        Assert.Contains("switched off", byAdmin, StringComparison.Ordinal);
        await s.RunUntilAsync(FirstPrompt.AddDays(7));
        Assert.Single(s.Roots());
    }

    [Fact]
    public async Task The_lead_moves_the_close_to_tuesday_afternoon_and_the_summary_comes_then_and_a_close_after_the_next_prompt_is_refused()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena(), ("close_day", "Tuesday"), ("close_time", "17:00"));
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");

        await s.RunUntilAsync(Utc(11, 25, 15));
        Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        await s.RunUntilAsync(Utc(11, 25, 16));
        Assert.Contains(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts), r => r.Text.StartsWith("Week of 17 Nov:", StringComparison.Ordinal));

        await s.Lena().RunsCommandAsync(Command, "setup");
        var form = s.Slack.OpenModalFor("U_LENA")!;
        Assert.Contains("Tuesday", Block(form.Blocks, "close_day")["element"]!["initial_option"]!.ToJsonString(), StringComparison.Ordinal);
        var refused = await s.Lena().SubmitsViewAsync(("close_day", "Saturday"));
        Assert.Contains("next week's prompt", refused.Json?["errors"]?["close_day"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zone_is_picked_from_a_list_of_iana_zones_grouped_by_region_with_the_teams_zone_chosen()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.Lena().RunsCommandAsync(Command, "setup");

        var element = Block(s.Slack.OpenModalFor("U_LENA")!.Blocks, "time_zone")["element"]!;
        var groups = element["option_groups"]!.AsArray();
        var labels = groups.Select(g => g!["label"]!["text"]!.GetValue<string>()).ToList();
        var values = groups.SelectMany(g => g!["options"]!.AsArray()).Select(o => o!["value"]!.GetValue<string>()).ToList();

        Assert.Equal("static_select", element["type"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", element["initial_option"]!["value"]!.GetValue<string>());
        Assert.Contains("Europe", labels);
        Assert.Contains(labels, l => l.StartsWith("America", StringComparison.Ordinal));
        Assert.Contains("Asia/Tokyo", values);
        Assert.Contains("America/Argentina/Buenos_Aires", values);
        Assert.Equal(values.Count, values.Distinct().Count());
        Assert.All(groups, g => Assert.InRange(g!["options"]!.AsArray().Count, 1, 100));
        Assert.Contains(groups.SelectMany(g => g!["options"]!.AsArray()), o => o!["text"]!["text"]!.GetValue<string>() == "New York");

        var saved = await s.Lena().SubmitsViewAsync(("time_zone", "Asia/Tokyo"));
        Assert.True(saved.IsSuccess, saved.ToString());
        await s.RunJobsAsync();
        // Friday 10:00 in Tokyo is 01:00 UTC.
        await s.RunUntilAsync(Utc(11, 21, 1));
        Assert.Single(s.Roots());
    }

    private static async Task<long> PendingPromptsAsync(SlackScenario s)
    {
        await using var connection = await s.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().OpenConnectionAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection,
            "SELECT count(*) FROM jobs WHERE kind = 'weekly.prompt' AND state IN ('available', 'running')");
    }
}

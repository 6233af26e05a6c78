using System.Text.Json.Nodes;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// A team channel the bot can no longer post in (removed, archived): the lead hears it once, the team pauses (no prompts,
/// reminders or summaries), its posts stop trying after a day, and inviting the bot back or saving setup again resumes it.
/// </summary>
public sealed class DeadChannelTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_channel_the_bot_was_removed_from_pauses_the_team_tells_the_lead_once_and_stops_trying_after_a_day()
    {
        await using var s = await PausedTeamAsync();
        Assert.Equal("not_in_channel", (await PauseAsync()).Reason);
        var told = Assert.Single(PauseNotices(s));
        Assert.Contains("I was removed from it", told.Text, StringComparison.Ordinal);
        var nudgesAtPause = s.Nudges("U_ALICE").Count;

        await s.RunUntilAsync(FirstPrompt + TeamPause.RetryFor + TimeSpan.FromHours(1));
        Assert.Empty(await UnfinishedAsync(ThreadPostJob.JobKind));
        var triesAfterADay = s.Slack.Calls("chat.postMessage").Count(c => c.Arg("channel") == Channel);
        await s.RunUntilAsync(FirstPrompt.AddDays(8));

        Assert.Single(PauseNotices(s));
        Assert.Empty(s.Roots());
        Assert.Equal(triesAfterADay, s.Slack.Calls("chat.postMessage").Count(c => c.Arg("channel") == Channel));
        // The week of 24 Nov was not prompted, and nobody was reminded or summarised meanwhile.
        Assert.Equal(nudgesAtPause, s.Nudges("U_ALICE").Count);
        Assert.Empty(await FailedJobsAsync());
    }

    [Fact]
    public async Task An_archived_channel_pauses_the_team_and_the_lead_hears_why()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        s.Slack.ArchiveChannel(Channel);

        await s.RunUntilAsync(FirstPrompt.AddHours(2));

        Assert.Equal("is_archived", (await PauseAsync()).Reason);
        Assert.Contains("it was archived", Assert.Single(PauseNotices(s)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inviting_the_bot_back_resumes_the_team_and_posts_what_waited()
    {
        await using var s = await PausedTeamAsync();

        s.Slack.SetBotMembership(Channel, isMember: true);
        var joined = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject
        {
            ["type"] = "member_joined_channel",
            ["user"] = s.Slack.Workspace().BotUserId,
            ["channel"] = Channel,
            ["channel_type"] = "C",
            ["team"] = SlackScenario.TeamId,
        }));
        Assert.True(joined.IsSuccess, joined.ToString());
        await s.RunJobsAsync();
        Assert.Null((await PauseAsync()).At);
        await s.RunUntilAsync(FirstPrompt.AddHours(1));

        Assert.Single(s.Roots());
        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(1));
        Assert.Equal(2, s.Roots().Count);
        Assert.Single(PauseNotices(s));
    }

    [Fact]
    public async Task Saving_setup_again_resumes_a_paused_team()
    {
        await using var s = await PausedTeamAsync();

        s.Slack.SetBotMembership(Channel, isMember: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        Assert.Null((await PauseAsync()).At);
        await s.RunUntilAsync(FirstPrompt.AddDays(7).AddMinutes(1));
        Assert.NotEmpty(s.Roots());
    }

    /// <summary>The payments team set up, then the bot removed from its channel: the first prompt finds out and pauses the team.</summary>
    private async Task<SlackScenario> PausedTeamAsync()
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        try
        {
            await s.SetsUpWeeklyUpdatesAsync(s.Lena());
            s.Slack.SetBotMembership(Channel, isMember: false);
            await s.RunUntilAsync(FirstPrompt.AddMinutes(1));
            Assert.NotNull((await PauseAsync()).At);
            return s;
        }
        catch
        {
            await s.DisposeAsync();
            throw;
        }
    }

    private static IReadOnlyList<Sandbox.Slack.FakeMessage> PauseNotices(SlackScenario s) =>
        [.. s.Slack.Messages("U_LENA").Where(m => m.Text.Contains("paused weekly updates", StringComparison.Ordinal))];

    private async Task<(DateTime? At, string? Reason)> PauseAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(DateTime?, string?)>("SELECT paused_at, paused_reason FROM team_channels");
    }

    private async Task<IReadOnlyList<long>> UnfinishedAsync(string kind)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<long>("SELECT id FROM jobs WHERE kind = @kind AND state IN ('available', 'running')", new { kind })).AsList();
    }

    private async Task<IReadOnlyList<string>> FailedJobsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("SELECT kind || ': ' || coalesce(last_error, '') FROM jobs WHERE state = 'failed'")).AsList();
    }
}

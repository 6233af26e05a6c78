using System.Text.Json.Nodes;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Members;

/// <summary>
/// Who is in a team's channel comes from what Slack's membership events keep, not from conversations.members on every
/// read: Slack is asked when a channel is first seen, once a day after, and when the bot is invited back.
/// </summary>
public sealed class ChannelMembersCacheTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Someone_who_joins_the_channel_belongs_to_the_team_and_someone_who_leaves_does_not_without_asking_slack_again()
    {
        await using var s = await TeamWithDaveOutsideAsync();
        Assert.Contains("<#C_PAY>", (await s.OpensHomeAsync(s.Bob())).VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("<#C_PAY>", (await s.OpensHomeAsync(s.User("U_DAVE"))).VisibleText, StringComparison.Ordinal);
        var listed = s.Slack.Calls("conversations.members").Count;

        await JoinsAsync(s, "U_DAVE");
        await LeavesAsync(s, "U_BOB");

        Assert.Contains("<#C_PAY>", (await s.OpensHomeAsync(s.User("U_DAVE"))).VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("<#C_PAY>", (await s.OpensHomeAsync(s.Bob())).VisibleText, StringComparison.Ordinal);
        Assert.Equal(listed, s.Slack.Calls("conversations.members").Count);
    }

    [Fact]
    public async Task The_weekly_prompt_goes_to_the_channels_people_as_the_events_left_them()
    {
        await using var s = await TeamWithDaveOutsideAsync();
        await JoinsAsync(s, "U_DAVE");
        await LeavesAsync(s, "U_BOB");

        await s.RunUntilAsync(FirstPrompt.AddHours(1));

        Assert.NotEmpty(s.Nudges("U_DAVE"));
        Assert.Empty(s.Nudges("U_BOB"));
        Assert.NotEmpty(s.Nudges("U_ALICE"));
        // Setup to the prompt is four days: Slack was asked at most once a day, never per read.
        Assert.InRange(s.Slack.Calls("conversations.members").Count, 1, 5);
    }

    [Fact]
    public async Task When_the_bot_is_invited_back_the_channel_is_learned_again_since_no_event_reached_it_while_it_was_out()
    {
        await using var s = await TeamWithDaveOutsideAsync();
        Assert.DoesNotContain("<#C_PAY>", (await s.OpensHomeAsync(s.User("U_DAVE"))).VisibleText, StringComparison.Ordinal);

        await s.RemovesBotAsync(Channel);
        // Dave joins while the bot is out: Slack sends the bot no event for it.
        s.Slack.SetChannelMembership(Channel, "U_DAVE", isMember: true);
        await s.InvitesBotAsync(Channel);
        await s.RunJobsAsync();

        Assert.Contains("<#C_PAY>", (await s.OpensHomeAsync(s.User("U_DAVE"))).VisibleText, StringComparison.Ordinal);
    }

    private async Task<SlackScenario> TeamWithDaveOutsideAsync()
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddUser("U_DAVE", "dave", tz: "Europe/Berlin");
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        return s;
    }

    private static async Task JoinsAsync(SlackScenario s, string userId)
    {
        s.Slack.SetChannelMembership(Channel, userId, isMember: true);
        await MembershipEventAsync(s, "member_joined_channel", userId);
    }

    private static async Task LeavesAsync(SlackScenario s, string userId)
    {
        s.Slack.SetChannelMembership(Channel, userId, isMember: false);
        await MembershipEventAsync(s, "member_left_channel", userId);
    }

    private static async Task MembershipEventAsync(SlackScenario s, string type, string userId)
    {
        var sent = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject
        {
            ["type"] = type, ["user"] = userId, ["channel"] = Channel, ["channel_type"] = "C", ["team"] = SlackScenario.TeamId,
        }));
        Assert.True(sent.IsSuccess, sent.ToString());
        await s.RunJobsAsync();
    }
}

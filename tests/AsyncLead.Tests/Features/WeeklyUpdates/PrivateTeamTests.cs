using Microsoft.Extensions.DependencyInjection;
using AsyncLead.Features.WeeklyUpdates;
using System.Text.Json.Nodes;
using AsyncLead.Tests.Features.Digest;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// A team that writes in a private channel (#leads: Lena and Alice) next to the public payments team: what is written
/// there reaches its members only, through <c>/weekly-update status</c> in a DM, the Home tab and the digest alike.
/// </summary>
public sealed class PrivateTeamTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Leads = "G_LEADS";

    [Fact]
    public async Task Status_from_a_dm_picks_only_the_teams_the_person_belongs_to_and_never_names_a_private_channel_to_outsiders()
    {
        await using var s = await StartAsync(digestRecipients: []);
        s.Slack.AddUser("U_OLGA", "olga", tz: "Europe/Berlin");

        var bob = await s.StatusAsync(s.User("U_BOB"));
        var alice = await s.StatusAsync(s.User("U_ALICE"));
        var olga = await s.StatusAsync(s.User("U_OLGA"));

        // Bob is in the payments channel only: his status is its status, without asking which team.
        Assert.StartsWith("*Week of 17 Nov* in <#C_PAY>", bob, StringComparison.Ordinal);
        Assert.DoesNotContain(Leads, bob, StringComparison.Ordinal);
        Assert.Contains("<#C_PAY>", alice, StringComparison.Ordinal);
        Assert.Contains($"<#{Leads}>", alice, StringComparison.Ordinal);
        Assert.StartsWith("Run this in your team's channel", olga, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", olga, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_who_leaves_the_private_channel_no_longer_sees_its_week_and_blockers_on_home()
    {
        await using var s = await StartAsync(digestRecipients: []);
        await s.RunUntilAsync(FirstPrompt);
        Assert.Contains("Saved", EphemeralTextFor(await s.User("U_ALICE", Leads).RunsCommandAsync(Command, "Done: budget\nBlockers: waiting on legal")),
            StringComparison.Ordinal);
        await s.RunJobsAsync();
        Assert.Contains("waiting on legal", (await s.OpensHomeAsync(s.Lena())).VisibleText, StringComparison.Ordinal);

        Assert.True((await MembershipEventAsync(s, "member_left_channel", "U_LENA")).IsSuccess);
        var home = (await s.OpensHomeAsync(s.Lena())).VisibleText;

        Assert.DoesNotContain("waiting on legal", home, StringComparison.Ordinal);
        Assert.DoesNotContain(Leads, home, StringComparison.Ordinal);
        // Her public team is still there.
        Assert.Contains("<#C_PAY>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_recipient_outside_the_private_channel_gets_none_of_it_until_they_join()
    {
        await using var s = await StartAsync(digestRecipients: ["U_LENA", "U_BOB"]);
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        await s.User("U_ALICE", Leads).RunsCommandAsync(Command, "Done: budget\nBlockers: waiting on legal");

        // A day on, every Monday 09:00 digest has gone out, Bob's (New York) included.
        await s.RunUntilAsync(FirstClose.AddDays(1));
        Assert.Contains(s.Digests("U_LENA"), d => d.VisibleText.Contains("waiting on legal", StringComparison.Ordinal));
        Assert.Empty(s.Digests("U_BOB"));

        Assert.True((await MembershipEventAsync(s, "member_joined_channel", "U_BOB")).IsSuccess);
        await s.RunUntilAsync(FirstClose.AddDays(8));
        var joined = Assert.Single(s.Digests("U_BOB"));
        Assert.Contains($"Weekly digest for <#{Leads}>", joined.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_team_set_up_by_slash_command_goes_by_its_channels_real_name_not_slacks_privategroup()
    {
        await using var s = await StartAsync(digestRecipients: []);
        await s.RunJobsAsync();

        // The slash command said "privategroup"; conversations.info, asked after the save, tells the real name.
        var team = await s.Host.Services.GetRequiredService<TeamStore>().FindByChannelAsync(SlackScenario.TeamId, Leads, CancellationToken.None);
        Assert.Equal("leads", team!.ChannelName);
        var home = (await s.OpensHomeAsync(s.Lena())).VisibleText;
        Assert.Contains("#leads: Week of 17 Nov (you lead)", home, StringComparison.Ordinal);
        Assert.DoesNotContain("privategroup", home, StringComparison.Ordinal);

        // The prompt DM names the channel by mention, which Slack shows by its name to the channel's members only.
        await s.RunUntilAsync(FirstPrompt.AddHours(1));
        var prompt = Assert.Single(s.Slack.Messages("U_ALICE"), m => m.VisibleText.Contains($"<#{Leads}>", StringComparison.Ordinal));
        Assert.DoesNotContain("privategroup", prompt.VisibleText, StringComparison.Ordinal);
    }

    private async Task<SlackScenario> StartAsync(string[] digestRecipients)
    {
        var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddChannel(Leads, "leads", members: ["U_LENA", "U_ALICE"], isPrivate: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.SetsUpWeeklyUpdatesAsync(s.User("U_LENA", Leads), digestRecipients.Length == 0 ? [] : [("Digest recipients", digestRecipients)]);
        return s;
    }

    /// <summary>Someone joins or leaves #leads in Slack, and Slack tells the app.</summary>
    private static Task<Sandbox.Simulation.SlackResponse> MembershipEventAsync(SlackScenario s, string type, string userId)
    {
        s.Slack.SetChannelMembership(Leads, userId, isMember: type == "member_joined_channel");
        return s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject
        {
            ["type"] = type, ["user"] = userId, ["channel"] = Leads, ["channel_type"] = "G", ["team"] = SlackScenario.TeamId,
        }));
    }
}

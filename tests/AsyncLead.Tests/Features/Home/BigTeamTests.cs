using System.Globalization;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>However big the team, the lead's Home tab fits Slack's 100 blocks and its counts stay true.</summary>
public sealed class BigTeamTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task With_150_members_120_blockers_and_40_docs_the_leads_tab_stays_within_100_blocks_and_counts_everything()
    {
        await using var s = await HomeWorld.StartAsync(database);
        var members = Enumerable.Range(1, 149).Select(i => string.Create(CultureInfo.InvariantCulture, $"U_M{i:000}")).ToList();
        s.Slack.AddUser("U_LENA", "lena", tz: "Europe/Berlin");
        foreach (var member in members)
        {
            s.Slack.AddUser(member, member.ToLowerInvariant(), tz: "Europe/Berlin");
        }

        s.Slack.AddChannel(Channel, "team-payments", members: ["U_LENA", .. members], botIsMember: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        foreach (var writer in members.Take(40))
        {
            var written = await s.User(writer, Channel).RunsCommandAsync(Command,
                $"Completed: work\nBlockers:\n- {writer} waits on A\n- {writer} waits on B\n- {writer} waits on C");
            Assert.True(written.IsSuccess, written.ToString());
        }

        await s.Lena().RunsCommandAsync(Command, "Completed: planning");
        var author = s.User(members[0], Channel);
        for (var i = 1; i <= 40; i++)
        {
            await author.RunsCommandAsync("/decision");
            await author.SubmitsViewAsync(("Title", $"Decision {i}"), ("Problem Statement", "Choose."), ("Reviewers", new[] { "U_LENA" }));
        }

        await s.RunJobsAsync();
        var home = await s.OpensHomeAsync(s.Lena());

        Assert.InRange(home.Blocks.Count, 1, 100);
        // Nothing was cut to fit: the tab still ends with the links to the team's pages.
        Assert.Contains("|Decision log", home.Blocks[^1]!.ToJsonString(), StringComparison.Ordinal);
        var text = home.VisibleText;
        Assert.Contains("Waiting on you (40)", text, StringComparison.Ordinal);
        Assert.Contains("…and 34 more. `/decision list` shows every open doc.", text, StringComparison.Ordinal);
        Assert.Contains("*41/150 wrote* · 0 away · 109 missing", text, StringComparison.Ordinal);
        Assert.Contains("and 94 more", text, StringComparison.Ordinal);
        Assert.Contains("Open blockers (120), oldest first", text, StringComparison.Ordinal);
        Assert.Equal(5, home.ButtonValues("weekly_resolve_blocker").Count);
        Assert.Matches(@"…and 115 more — see <https://asynclead\.test/w/[^|>]+\|the team's page>\.", text);
        Assert.Contains("*Decisions due this week (40)*", text, StringComparison.Ordinal);
        Assert.Matches(@"…and 35 more — see <https://asynclead\.test/w/[^|>]+\|the decision log>\.", text);
        Assert.All(s.Slack.Calls("views.publish"), call => Assert.True(call.Ok, call.Error));
    }
}

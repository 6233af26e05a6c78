using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class WeekSummaryTests
{
    private static readonly DateTimeOffset Close = new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "opened today")]
    [InlineData(23, "opened today")]
    [InlineData(24, "open 1 day")]
    [InlineData(71, "open 2 days")]
    [InlineData(9 * 24, "open 9 days")]
    public void A_blockers_age_is_whole_days_since_it_was_first_written(int hoursAgo, string expected) =>
        Assert.Equal(expected, WeekSummary.Age(Close.AddHours(-hoursAgo), Close));

    [Fact]
    public void The_summary_names_who_wrote_was_away_and_is_missing_and_offers_resolve_only_on_open_blockers()
    {
        var summary = WeekSummary.Render("Week of 17 Nov", ["alice"], ["bob"], ["lena", "<dan>"],
        [
            new SummaryBlocker(7, "keys from the bank", "alice", new Uri("https://acme.slack.com/archives/C_PAY/p1"), Close.AddDays(-9), null),
            new SummaryBlocker(8, "flaky CI", "alice", null, Close.AddDays(-2), "lena"),
        ], Close);

        var sections = summary.Blocks.OfType<SectionBlock>().ToList();
        Assert.Equal("*Wrote (1):* alice\n*Away (1):* bob\n*Missing (2):* lena, &lt;dan&gt;", sections[1].Text!.Text);
        Assert.Equal("*Blockers (1 open)*", sections[2].Text!.Text);
        Assert.Equal("🚧 keys from the bank — alice, open 9 days · <https://acme.slack.com/archives/C_PAY/p1|reply>", sections[3].Text!.Text);
        Assert.Equal("7", Assert.IsType<ButtonElement>(sections[3].Accessory).Value);
        Assert.Equal("✅ ~flaky CI~ — alice, resolved by lena", sections[4].Text!.Text);
        Assert.Null(sections[4].Accessory);
        Assert.Equal("Week of 17 Nov: 1 wrote, 1 away, 2 missing, 1 open blockers", summary.Text);
    }

    [Fact]
    public void A_week_without_blockers_says_so_and_a_huge_list_stays_within_slacks_block_limit()
    {
        Assert.Contains(WeekSummary.Render("W", [], [], [], [], Close).Blocks.OfType<SectionBlock>(), b => b.Text!.Text == "*Blockers:* none 🎉");

        var many = Enumerable.Range(1, 80).Select(i => new SummaryBlocker(i, $"blocker {i}", "alice", null, Close, null)).ToList();
        var summary = WeekSummary.Render("W", [], [], [], many, Close);

        Assert.InRange(summary.Blocks.Count, 1, BlockKitLimits.MessageBlocks);
        Assert.Contains(summary.Blocks.OfType<ContextBlock>(), b => b.Elements[0].Text == "…and 40 more.");
    }

    [Fact]
    public void Plan_lines_come_after_the_roll_escaped_and_a_blocker_written_two_weeks_running_offers_a_decision_doc()
    {
        var summary = WeekSummary.Render("Week of 24 Nov", ["alice", "<dan>"], [], [],
        [
            new SummaryBlocker(7, "keys from the bank", "alice", null, Close.AddDays(-9), null, WeeksBlocked: 2),
            new SummaryBlocker(8, "flaky CI", "alice", null, Close.AddDays(-2), null),
        ], Close, [("alice", "1 of 2 done · 1 dropped: “Ping <!channel> & co”"), ("<dan>", "0 of 1 done · 1 in progress (2nd week)")]);

        var sections = summary.Blocks.OfType<SectionBlock>().ToList();
        Assert.Equal("*Plan vs actual* (last week's Next Week)\n• *alice*: 1 of 2 done · 1 dropped: “Ping &lt;!channel&gt; &amp; co”\n"
            + "• *&lt;dan&gt;*: 0 of 1 done · 1 in progress (2nd week)", sections[2].Text!.Text);
        Assert.Equal("🚧 keys from the bank — alice, open 9 days · *blocked for 2 weeks*", sections[4].Text!.Text);
        var offer = Assert.IsType<ButtonElement>(Assert.Single(Assert.Single(summary.Blocks.OfType<ActionsBlock>()).Elements));
        Assert.Equal((WeekSummary.StartDecisionActionId, "7", "Start a decision doc"), (offer.ActionId, offer.Value, offer.Text.Text));
        var blocks = summary.Blocks.ToList();
        Assert.Equal(blocks.IndexOf(sections[4]) + 1, blocks.FindIndex(b => b is ActionsBlock));
        Assert.Equal("🚧 flaky CI — alice, open 2 days", sections[5].Text!.Text);
    }

    [Fact]
    public void A_big_teams_plans_and_repeated_blockers_stay_within_slacks_limits()
    {
        var plans = Enumerable.Range(1, 200).Select(i => ($"person {i}", $"1 of 3 done · 1 in progress (2nd week) · 1 dropped: “{new string('x', 58)}”")).ToList();
        var blockers = Enumerable.Range(1, 80).Select(i => new SummaryBlocker(i, $"blocker {i}", "alice", null, Close.AddDays(-9), null, WeeksBlocked: 3)).ToList();

        var summary = WeekSummary.Render("W", [], [], [], blockers, Close, plans);

        Assert.InRange(summary.Blocks.Count, 1, BlockKitLimits.MessageBlocks);
        Assert.All(summary.Blocks.OfType<SectionBlock>(), b => Assert.InRange(b.Text!.Text.Length, 1, BlockKitLimits.SectionText));
        var more = summary.Blocks.OfType<ContextBlock>().Select(b => b.Elements[0].Text).ToList();
        Assert.Equal(2, more.Count);
        Assert.Matches(@"^…and \d+ more\.$", more[0]);
        Assert.Equal("…and 60 more.", more[1]);
    }
}

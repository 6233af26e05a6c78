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
}

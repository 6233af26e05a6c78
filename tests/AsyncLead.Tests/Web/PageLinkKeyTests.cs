using AsyncLead.Web;

namespace AsyncLead.Tests.Web;

public sealed class PageLinkKeyTests
{
    [Fact]
    public void A_team_week_key_reads_back_and_anything_else_is_refused()
    {
        var key = PageLinks.TeamWeekKey("C_PAY", new DateOnly(2026, 11, 16));

        Assert.Equal("C_PAY/2026-11-16", key);
        Assert.True(PageLinks.TryParseTeamWeekKey(key, out var channel, out var monday));
        Assert.Equal(("C_PAY", new DateOnly(2026, 11, 16)), (channel, monday));
        Assert.False(PageLinks.TryParseTeamWeekKey("C_PAY", out _, out _));
        Assert.False(PageLinks.TryParseTeamWeekKey("/2026-11-16", out _, out _));
        Assert.False(PageLinks.TryParseTeamWeekKey("C_PAY/16-11-2026", out _, out _));
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("0", false)]
    [InlineData("-3", false)]
    [InlineData(" 12", false)]
    [InlineData("DEC-12", false)]
    public void A_decision_key_is_a_positive_id(string key, bool valid) =>
        Assert.Equal(valid, PageLinks.TryParseDecisionKey(key, out _));
}

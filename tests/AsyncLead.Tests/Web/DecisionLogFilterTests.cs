using AsyncLead.Features.Decisions;

namespace AsyncLead.Tests.Web;

public sealed class DecisionLogFilterTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("all", null)]
    [InlineData("decided", DecisionStatus.Decided)]
    [InlineData(" Withdrawn ", DecisionStatus.Withdrawn)]
    public void A_known_status_filters_and_none_or_all_shows_everything(string? status, DecisionStatus? expected)
    {
        var filter = DecisionLogFilter.Parse(status, null);

        Assert.Equal(expected, filter.Status);
        Assert.Empty(filter.Problems);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("draft")]
    [InlineData("open,closed")]
    public void An_unknown_status_is_ignored_with_a_note(string status)
    {
        var filter = DecisionLogFilter.Parse(status, null);

        Assert.Null(filter.Status);
        Assert.Equal("That status is not one of open, closed, decided, withdrawn or lapsed, so docs of every status are shown.", Assert.Single(filter.Problems));
    }

    [Theory]
    [InlineData("100%", @"%100\%%")]
    [InlineData("coverage_goal", @"%coverage\_goal%")]
    [InlineData(@"C:\temp", @"%C:\\temp%")]
    [InlineData("  two   words ", "%two words%")]
    [InlineData("a\0b\tc", "%a b c%")]
    public void Search_text_becomes_a_contains_pattern_with_wildcards_escaped(string text, string pattern) =>
        Assert.Equal(pattern, DecisionLogFilter.Parse(null, text).ContainsPattern);

    [Fact]
    public void No_text_searches_nothing_and_a_short_id_also_searches_by_number()
    {
        Assert.Null(DecisionLogFilter.Parse(null, "   ").ContainsPattern);
        Assert.Equal(12, DecisionLogFilter.Parse(null, "dec-012").Number);
        Assert.Null(DecisionLogFilter.Parse(null, "12").Number);
    }

    [Fact]
    public void Overlong_text_is_cut_to_the_limit_with_a_note()
    {
        var filter = DecisionLogFilter.Parse(null, new string('a', 250));

        Assert.Equal(DecisionLogFilter.MaxTextLength, filter.Text.Length);
        Assert.Equal("Searches use the first 200 characters.", Assert.Single(filter.Problems));
    }
}

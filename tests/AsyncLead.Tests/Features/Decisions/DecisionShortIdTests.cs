using AsyncLead.Features.Decisions;

namespace AsyncLead.Tests.Features.Decisions;

public sealed class DecisionShortIdTests
{
    [Fact]
    public void Formats_as_dec_dash_number()
    {
        Assert.Equal("DEC-12", new DecisionShortId(12).ToString());
    }

    [Theory]
    [InlineData("DEC-12", 12)]
    [InlineData("dec-12", 12)]
    [InlineData("  Dec-7 ", 7)]
    [InlineData("DEC-007", 7)]
    [InlineData("DEC-2147483647", int.MaxValue)]
    public void Parses_any_case_and_leading_zeros(string text, int number)
    {
        Assert.True(DecisionShortId.TryParse(text, out var id));
        Assert.Equal(number, id.Number);
    }

    [Theory]
    [InlineData("#12")] // looks like a channel
    [InlineData("12")] // could be a title
    [InlineData("DEC 12")]
    [InlineData("DEC-")]
    [InlineData("DEC-0")]
    [InlineData("DEC--1")]
    [InlineData("DEC-+1")]
    [InlineData("DEC-2147483648")]
    [InlineData("DEC-12 please")]
    [InlineData("DEC-١٢")] // Arabic-Indic digits
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_everything_else(string? text)
    {
        Assert.False(DecisionShortId.TryParse(text, out _));
    }

    [Fact]
    public void Round_trips()
    {
        Assert.True(DecisionShortId.TryParse(new DecisionShortId(404).ToString(), out var id));
        Assert.Equal(new DecisionShortId(404), id);
    }

    [Fact]
    public void Numbers_start_at_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecisionShortId(0));
    }
}

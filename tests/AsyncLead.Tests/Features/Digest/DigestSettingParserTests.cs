using AsyncLead.Features.Digest;

namespace AsyncLead.Tests.Features.Digest;

public sealed class DigestSettingParserTests
{
    [Theory]
    [InlineData("monday 09:00", DayOfWeek.Monday, 9, 0)]
    [InlineData("Friday 16:30", DayOfWeek.Friday, 16, 30)]
    [InlineData("fri 4:30pm", DayOfWeek.Friday, 16, 30)]
    [InlineData("tue 9am", DayOfWeek.Tuesday, 9, 0)]
    [InlineData("sunday at 12am", DayOfWeek.Sunday, 0, 0)]
    [InlineData("thurs 12 pm", DayOfWeek.Thursday, 12, 0)]
    [InlineData("wednesdays 7.45", DayOfWeek.Wednesday, 7, 45)]
    public void A_weekday_and_a_time_set_the_digest_time(string text, DayOfWeek day, int hour, int minute)
    {
        Assert.True(DigestSettingParser.TryParse(text, out var preference, out var error), error);

        Assert.Equal(day, preference.Time.Day);
        Assert.Equal(new TimeOnly(hour, minute), preference.Time.Time);
        Assert.False(preference.IsOff);
    }

    [Fact]
    public void Off_turns_the_digest_off_and_on_brings_back_monday_nine()
    {
        Assert.True(DigestSettingParser.TryParse("off", out var off, out _));
        Assert.True(off.IsOff);
        Assert.Equal("off", off.Describe());

        Assert.True(DigestSettingParser.TryParse("on", out var on, out _));
        Assert.Equal(DigestPreference.Default, on);
        Assert.Equal("Mondays at 09:00", on.Describe());
    }

    [Theory]
    [InlineData("funday 09:00", "I don't know the day `funday`")]
    [InlineData("monday 25:00", "I couldn't read the time `25:00`")]
    [InlineData("monday 9", "I couldn't read the time `9`")]
    [InlineData("monday 13pm", "I couldn't read the time `13pm`")]
    [InlineData("friday", "At what time on Friday?")]
    [InlineData("every week <soon>", "I couldn't read `every week &lt;soon&gt;` as a digest time")]
    public void Bad_input_says_what_is_wrong_and_how_to_write_it(string text, string expected)
    {
        Assert.False(DigestSettingParser.TryParse(text, out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}

using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class ParticipationTests
{
    private static readonly DateTimeOffset Prompt = new(2026, 11, 16, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Figures_count_writers_away_and_missing_with_the_median_wait_and_the_meeting_saved()
    {
        var submitted = new Dictionary<string, DateTimeOffset>
        {
            ["U_A"] = Prompt.AddHours(1),
            ["U_B"] = Prompt.AddHours(5),
            ["U_C"] = Prompt.AddHours(30),
        };

        var figures = Participation.Measure(["U_A", "U_B", "U_C", "U_D", "U_E"], ["U_D"], submitted, Prompt, standupMinutes: 15);

        Assert.Equal(new ParticipationFigures(5, 3, 1, 1, TimeSpan.FromHours(5), 5 * 15 * 5), figures);
        Assert.Equal("3/5 wrote", figures.WroteOfExpected);
    }

    [Fact]
    public void Someone_who_wrote_without_being_expected_counts_and_an_update_before_the_prompt_waited_nothing()
    {
        var submitted = new Dictionary<string, DateTimeOffset> { ["U_A"] = Prompt.AddHours(-2), ["U_GUEST"] = Prompt.AddHours(3) };

        var figures = Participation.Measure(["U_A", "U_B"], [], submitted, Prompt, standupMinutes: 10);

        Assert.Equal(3, figures.Expected);
        Assert.Equal(2, figures.Wrote);
        Assert.Equal(1, figures.Missing);
        Assert.Equal(TimeSpan.FromHours(1.5), figures.MedianPromptToUpdate);
        Assert.Equal(150, figures.MeetingMinutesSaved);
    }

    [Fact]
    public void Away_people_who_wrote_anyway_count_as_writers_and_an_unprompted_week_has_no_median()
    {
        var submitted = new Dictionary<string, DateTimeOffset> { ["U_A"] = Prompt };

        var figures = Participation.Measure(["U_A", "U_B"], ["U_A", "U_B"], submitted, promptedAt: null, standupMinutes: 15);

        Assert.Equal((1, 1, 0), (figures.Wrote, figures.Away, figures.Missing));
        Assert.Null(figures.MedianPromptToUpdate);
    }

    [Theory]
    [InlineData(0.5, "under a minute")]
    [InlineData(12, "12 min")]
    [InlineData(60, "1 h")]
    [InlineData(135, "2 h 15 min")]
    [InlineData(1440, "1 day")]
    [InlineData(4560, "3 days 4 h")]
    public void Durations_read_as_people_say_them(double minutes, string expected) =>
        Assert.Equal(expected, Participation.Describe(TimeSpan.FromMinutes(minutes)));
}

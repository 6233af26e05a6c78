using AsyncLead.Tests.Infrastructure;
using AsyncLead.Tests.Web;
using AsyncLead.Web;
using static AsyncLead.Tests.Features.Digest.DigestWorld;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Digest;

/// <summary><c>/weekly-update digest …</c> and the figures and week link of <c>/weekly-update status</c>.</summary>
public sealed class DigestCommandTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("digest funday 09:00", "I don't know the day `funday`")]
    [InlineData("digest monday 25:00", "I couldn't read the time `25:00`")]
    [InlineData("digest friday", "At what time on Friday?")]
    [InlineData("digest sometimes", "I couldn't read `sometimes` as a digest time")]
    public async Task Bad_input_gets_a_clear_ephemeral_and_changes_nothing(string text, string expected)
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var ack = await s.Lena().RunsCommandAsync(Command, text);
        await s.RunUntilAsync(FirstClose);

        Assert.True(ack.IsSuccess, ack.ToString());
        Assert.Equal("ephemeral", ack.Json?["response_type"]?.GetValue<string>());
        Assert.StartsWith(expected, EphemeralTextFor(ack), StringComparison.Ordinal);
        Assert.Equal([FirstClose], s.DigestTimes("U_LENA"));
    }

    [Fact]
    public async Task Digest_alone_shows_the_current_setting_in_her_zone_with_the_next_one_and_the_teams_it_covers()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var shown = await s.AnswerToAsync(s.Lena(), Command, "digest");

        Assert.StartsWith(
            $"Your weekly digest arrives Mondays at 09:00 your time (Europe/Berlin); the next one <!date^{FirstClose.ToUnixTimeSeconds()}^",
            shown, StringComparison.Ordinal);
        Assert.Contains("It covers <#C_PAY>.", shown, StringComparison.Ordinal);
        Assert.Contains("`digest off`", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_stops_the_digest_until_she_turns_it_back_on()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var off = await s.AnswerToAsync(s.Lena(), Command, "digest off");
        await s.RunUntilAsync(FirstClose.AddHours(1));
        Assert.StartsWith("🔕 Your weekly digest is off.", off, StringComparison.Ordinal);
        Assert.StartsWith("Your weekly digest is off.", await s.AnswerToAsync(s.Lena(), Command, "digest"), StringComparison.Ordinal);
        Assert.Empty(s.Digests("U_LENA"));

        await s.Lena().RunsCommandAsync(Command, "digest on");
        await s.RunUntilAsync(FirstClose.AddDays(7));

        Assert.Equal([FirstClose.AddDays(7)], s.DigestTimes("U_LENA"));
    }

    [Fact]
    public async Task Someone_who_receives_no_digest_is_told_who_can_add_them()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var saved = await s.AnswerToAsync(s.Alice(), Command, "digest tue 10:00");

        Assert.Equal(
            "✅ Your weekly digest now arrives Tuesdays at 10:00 your time (Europe/Berlin). You aren't a digest recipient of any team yet: " +
            "a lead adds you in `/weekly-update setup`.", saved);
    }

    [Fact]
    public async Task Status_shows_the_participation_figures_and_a_signed_link_to_the_teams_week_page()
    {
        await using var s = (await DigestWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt.AddMinutes(30));
        await s.Alice().RunsCommandAsync(Command, "Done: payouts");
        await s.RunUntilAsync(FirstPrompt.AddMinutes(90));
        await s.Bob().RunsCommandAsync(Command, "Done: refunds");

        var status = await s.StatusAsync(s.Lena());

        Assert.Contains("\n📈 2/3 wrote · median 1 h from prompt to update · 3 h 45 min of meetings saved\n", status, StringComparison.Ordinal);
        var link = Assert.Single(s.PageLinksIn(status));
        Assert.Equal(LinkCheck.Valid, link.Check);
        Assert.Equal(new LinkTarget(PageLinks.TeamWeekKind, SlackScenario.TeamId, "C_PAY/2025-11-17", "U_LENA"), link.Target.Opens());
        Assert.EndsWith("|Open the Week of 17 Nov page>", status, StringComparison.Ordinal);
    }
}

using AsyncLead.Web;
using NodaTime;

namespace AsyncLead.Tests.Web;

public sealed class PageReaderTests
{
    private static readonly Dictionary<string, string> Names = new() { ["U_ALICE"] = "alice" };

    [Fact]
    public void Times_are_local_to_the_reader_with_the_zone_abbreviated_and_the_instant_kept_for_machines()
    {
        var reader = new PageReader(DateTimeZoneProviders.Tzdb["America/New_York"], "your Slack time zone", Names);
        var at = new DateTimeOffset(2025, 11, 21, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("Fri 21 Nov 2025, 05:00", reader.Time(at));
        Assert.Equal("Fri 21 Nov 2025", reader.Date(at));
        Assert.Equal("<time datetime=\"2025-11-21T10:00:00Z\">Fri 21 Nov 2025, 05:00 EST</time>", reader.TimeHtml(at));
        Assert.Equal("Times are in America/New_York (your Slack time zone).", reader.ZoneNote);
    }

    [Fact]
    public void Summer_time_is_named_as_such_and_a_date_can_cross_midnight()
    {
        var reader = new PageReader(DateTimeZoneProviders.Tzdb["Europe/Berlin"], "the team's time zone", Names);

        Assert.Equal("<time datetime=\"2025-07-01T22:30:00Z\">Wed 2 Jul 2025, 00:30 CEST</time>", reader.TimeHtml(new DateTimeOffset(2025, 7, 1, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal("<time datetime=\"2025-07-01T22:30:00Z\">Wed 2 Jul 2025</time>", reader.TimeHtml(new DateTimeOffset(2025, 7, 1, 22, 30, 0, TimeSpan.Zero), dateOnly: true));
    }

    [Fact]
    public void Someone_the_cache_does_not_know_is_shown_by_their_slack_id()
    {
        var reader = new PageReader(DateTimeZone.Utc, "UTC", Names);

        Assert.Equal("alice", reader.Name("U_ALICE"));
        Assert.Equal("U_NEW", reader.Name("U_NEW"));
    }
}

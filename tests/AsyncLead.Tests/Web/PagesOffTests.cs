using AsyncLead.Tests.Features.Digest;
using AsyncLead.Tests.Features.Home;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Web;

/// <summary>
/// Socket Mode needs no public address, so AsyncLead may run without <c>AsyncLead__PublicUrl</c>: then no message links
/// a page at a loopback address nobody reading Slack can open; each says the pages are off and how to turn them on.
/// </summary>
public sealed class PagesOffTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly Dictionary<string, string?> NoPublicUrl = new() { ["AsyncLead:PublicUrl"] = null };

    [Fact]
    public async Task Status_the_home_tab_and_the_digest_say_the_pages_are_off_instead_of_linking_loopback()
    {
        await EmptyAsync();
        await using var off = (await StartAsync(database, settings: NoPublicUrl)).WithPaymentsTeam();
        await off.SetsUpWeeklyUpdatesAsync(off.Lena());
        await off.RunUntilAsync(FirstPrompt.AddHours(1));
        await off.Alice().RunsCommandAsync(Command, "Done: payouts\nBlocked: API keys");

        var status = await off.StatusAsync(off.Lena());
        await off.RunUntilAsync(FirstClose);
        var home = (await off.OpensHomeAsync(off.Lena())).VisibleText;
        var digest = Assert.Single(off.Digests("U_LENA")).VisibleText;

        foreach (var said in new[] { status, home, digest })
        {
            Assert.Contains(PageLinks.PagesOff, said, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", said, StringComparison.Ordinal);
            Assert.DoesNotContain("/w/", said, StringComparison.Ordinal);
        }

        Assert.Contains("⏳ Missing", status, StringComparison.Ordinal);
        Assert.Contains("API keys", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_list_and_a_doc_say_the_pages_are_off()
    {
        await EmptyAsync();
        await using var s = (await StartAsync(database, settings: NoPublicUrl)).WithPaymentsTeam();
        Assert.True((await s.Alice().RunsCommandAsync("/decision")).IsSuccess);
        await s.Alice().SubmitsViewAsync(("Title", "Pick a queue"), ("Problem Statement", "We need to choose."), ("Reviewers", new[] { "U_BOB" }));
        await s.RunJobsAsync();

        var list = await s.AnswerToAsync(s.Bob(), "/decision", "list");
        var doc = await s.AnswerToAsync(s.Bob(), "/decision", "DEC-1");

        foreach (var said in new[] { list!, doc! })
        {
            Assert.Contains("Pick a queue", said, StringComparison.Ordinal);
            Assert.Contains(PageLinks.PagesOff, said, StringComparison.Ordinal);
            Assert.DoesNotContain("127.0.0.1", said, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_a_public_url_the_same_answers_link_the_pages_there()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var status = await s.StatusAsync(s.Lena());

        Assert.Contains("<https://asynclead.test/w/", status, StringComparison.Ordinal);
        Assert.DoesNotContain(PageLinks.PagesOff, status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_says_pages_are_off_without_a_public_url()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "8f742231b10e8888abcd99yyyzzz85a5",
            ["Slack:BotToken"] = "xoxb-1111-2222-pagesofftoken",
        });

        var html = await host.Http.GetStringAsync("/");

        Assert.Contains("not set: web pages are off, and Slack messages say so instead of linking them", html, StringComparison.Ordinal);
    }

    private async Task EmptyAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("TRUNCATE digest_preferences, decisions, decision_counters RESTART IDENTITY CASCADE");
    }
}

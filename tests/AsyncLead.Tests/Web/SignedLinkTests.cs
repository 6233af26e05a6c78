using System.Net;
using AsyncLead.Testing;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Microsoft.AspNetCore.Http;

namespace AsyncLead.Tests.Web;

public sealed class SignedLinkTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_link_opens_its_page_until_it_expires_then_says_so_with_a_403()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 11, 17, 9, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock);
        var link = host.Services.GetRequiredService<SignedLinks>().Create(new LinkTarget("echo", "T1", "week-47", "U_LEAD"), TimeSpan.FromHours(1));

        var fresh = await host.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("T1/week-47 for U_LEAD", await fresh.Content.ReadAsStringAsync());
        var searched = await host.Http.GetAsync(link.PathAndQuery + "?q=%3Cb%3E");
        Assert.Contains("T1/week-47 for U_LEAD&lt;b&gt;", await searched.Content.ReadAsStringAsync());

        clock.Advance(TimeSpan.FromHours(1));
        var expired = await host.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Contains("This link has expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tampered_or_truncated_link_gets_a_clear_403_page()
    {
        await using var host = await StartAsync(new ManualClock(DateTimeOffset.UtcNow));
        var path = host.Services.GetRequiredService<SignedLinks>().Create(new LinkTarget("echo", "T1", "k")).PathAndQuery;
        var flipped = path[..^5] + (path[^5] == 'A' ? 'B' : 'A') + path[^4..];

        foreach (var bad in new[] { flipped, path[..^10], "/w/not-a-token" })
        {
            var response = await host.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_link_to_something_that_is_gone_is_a_404_page_and_links_carry_the_public_url()
    {
        await using var host = await StartAsync(new ManualClock(DateTimeOffset.UtcNow));
        var links = host.Services.GetRequiredService<SignedLinks>();

        var gone = await host.Http.GetAsync(links.Create(new LinkTarget("echo", "T1", "missing")).PathAndQuery);
        var unknownKind = await host.Http.GetAsync(links.Create(new LinkTarget("no-such-page", "T1", "k")).PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.StartsWith("https://lead.example.com/w/", links.Create(new LinkTarget("echo", "T1", "k")).ToString());
    }

    private Task<AppHost> StartAsync(ManualClock clock) =>
        AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["AsyncLead:PublicUrl"] = "https://lead.example.com" },
            clock, services => services.AddWebPage<EchoPage>());

    /// <summary>A page that shows what its link said; "missing" stands for a deleted target.</summary>
    private sealed class EchoPage : IWebPage
    {
        public string Kind => "echo";

        public Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken) =>
            Task.FromResult(target.Key == "missing"
                ? null
                : (IResult?)PageLayout.Page("Echo", $"<p>{PageLayout.Encode($"{target.WorkspaceId}/{target.Key} for {target.ViewerId}{query["q"]}")}</p>"));
    }
}

using System.Net;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task A_link_derived_on_a_page_keeps_the_expiry_and_scope_of_the_link_it_came_from()
    {
        var clock = new ManualClock(new DateTimeOffset(2025, 11, 17, 9, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock);
        var links = host.Services.GetRequiredService<SignedLinks>();
        Assert.Equal(LinkCheck.Valid, links.Check(links.Create(new LinkTarget("echo", "T1", "week-47", "U_LEAD"), TimeSpan.FromHours(1)).Segments[^1], out var opened));

        clock.Advance(TimeSpan.FromMinutes(50));
        var derived = links.Derive(opened!, new LinkTarget("echo", "T1", "week-46", "U_LEAD"));

        Assert.Equal(LinkCheck.Valid, links.Check(derived.Segments[^1], out var next));
        Assert.Equal(opened!.ExpiresAt, next!.ExpiresAt);
        Assert.Equal(opened.IssuedAt, next.IssuedAt);
        Assert.Equal("echo", next.EffectiveScope);
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.GetAsync(derived.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Links_stop_working_once_the_workspace_uninstalls_and_links_made_afterwards_work()
    {
        await using var s = await SlackScenario.StartAsync(database, services: services => services.AddWebPage<EchoPage>());
        var links = s.Host.Services.GetRequiredService<SignedLinks>();
        var before = links.Create(new LinkTarget("echo", SlackScenario.TeamId, "week-47", "U_LEAD"));
        var otherWorkspace = links.Create(new LinkTarget("echo", "T_OTHER", "week-47", "U_LEAD"));
        Assert.Equal(HttpStatusCode.OK, (await s.Host.Http.GetAsync(before.PathAndQuery)).StatusCode);

        var removed = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }, SlackScenario.TeamId));
        Assert.Equal(HttpStatusCode.OK, removed.Status);

        var closed = await s.Host.Http.GetAsync(before.PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Contains("AsyncLead was removed from this workspace after the link was made", await closed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await s.Host.Http.GetAsync(otherWorkspace.PathAndQuery)).StatusCode);
        await s.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await s.Host.Http.GetAsync(links.Create(new LinkTarget("echo", SlackScenario.TeamId, "week-47")).PathAndQuery)).StatusCode);
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

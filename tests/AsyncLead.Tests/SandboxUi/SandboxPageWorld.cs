using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>
/// The sandbox page over the seeded workspace: a FakeSlack with <see cref="SandboxWorkspace"/> in it, the real bot
/// pointed at it, and the page's endpoints on a loopback server of their own, all on one <see cref="SandboxClock"/>.
/// </summary>
public sealed class SandboxPageWorld : IAsyncLifetime
{
    public const string BotToken = "xoxb-sandbox-page-test";
    public const string SigningSecret = "sandbox-page-signing-secret-0123";

    private readonly TestDatabase database = new();
    private WebApplication? page;

    public SandboxClock Clock { get; } = new(TimeProvider.System);

    public FakeSlack Slack { get; private set; } = null!;

    public AppHost Bot { get; private set; } = null!;

    /// <summary>The page's address: <c>http://127.0.0.1:{port}/sandbox/</c>.</summary>
    public Uri PageAddress { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        Slack = await FakeSlack.StartAsync(Clock);
        SandboxWorkspace.SeedInto(Slack, BotToken);
        Bot = await AppHost.StartAsync(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "http://127.0.0.1",
            ["Jobs:Enabled"] = "false",
        }, Clock);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Slack);
        builder.Services.AddSingleton(new SlackSimulator(Slack, Bot.Http, SigningSecret, Clock));
        builder.Services.AddSingleton<ISandboxControls>(new StepControls(Clock, Bot));
        page = builder.Build();
        ActivatorUtilities.CreateInstance<SandboxUiEndpoints>(page.Services).Map(page.MapGroup("/sandbox"));
        await page.StartAsync();
        var address = page.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        PageAddress = new Uri(address.TrimEnd('/') + "/sandbox/");
        Http = new HttpClient { BaseAddress = PageAddress };
    }

    /// <summary>Posts an action as the page does; returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> ActAsync(string action, object body)
    {
        using var response = await Http.PostAsJsonAsync("ui/" + action, body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    public async Task<JsonObject> StateAsync(string actingAs) =>
        (await Http.GetFromJsonAsync<JsonObject>("ui/state?as=" + actingAs))!;

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (page is not null)
        {
            await page.DisposeAsync();
        }

        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>
    /// The page's clock button for this world: "+1 day" moves the clock and runs what fell due. The host's own
    /// controls (next prompt, deadlines, sample week, reset) are covered by the tests of the real sandbox host.
    /// </summary>
    private sealed class StepControls(SandboxClock clock, AppHost bot) : ISandboxControls
    {
        public string LeadUserId => SandboxWorkspace.LeadUserId;

        public string TeamChannelId => SandboxWorkspace.TeamChannelId;

        public async Task<string> AdvanceAsync(string step, CancellationToken cancellationToken)
        {
            if (step != "day")
            {
                throw new ArgumentException($"Unknown step {step}.", nameof(step));
            }

            clock.Advance(TimeSpan.FromDays(1));
            var worker = bot.Services.GetRequiredService<JobWorker>();
            while (await worker.RunDueJobsAsync(cancellationToken) > 0)
            {
            }

            return "+1 day.";
        }

        public Task<string> FillSampleWeekAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This world has no sample week.");

        public Task ResetAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("This world does not reset.");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.SandboxMode;

namespace AsyncLead.Tests.SandboxUi;

/// <summary>The host in sandbox mode, in this process and seeded, with the page's endpoints where the page calls them.</summary>
public sealed class SandboxPageWorld : IAsyncLifetime
{
    private readonly SandboxDatabase database = new();
    private SandboxHost? host;

    public FakeSlack Slack => host!.Services.GetRequiredService<FakeSlack>();

    public SandboxClock Clock => host!.Services.GetRequiredService<SandboxClock>();

    /// <summary>The page's address: <c>http://127.0.0.1:{port}/sandbox/</c>.</summary>
    public Uri PageAddress => new(host!.BaseAddress, "sandbox/");

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        host = await SandboxHost.StartAsync(database.ConnectionString);
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

    /// <summary>What <paramref name="read"/> finds in the person's state once it is there (within 10 s).</summary>
    public async Task<JsonNode> UntilStateAsync(string actingAs, Func<JsonObject, JsonNode?> read)
    {
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(50))
        {
            if (read(await StateAsync(actingAs)) is { } found)
            {
                return found;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"{actingAs}'s state never showed it: {(await StateAsync(actingAs)).ToJsonString()}");
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await database.DisposeAsync();
    }
}

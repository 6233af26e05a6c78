using AsyncLead.Sandbox.Slack;
using AsyncLead.Storage;
using AsyncLead.Testing.Postgres;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace AsyncLead.LoadBench;

/// <summary>
/// The real AsyncLead host (same composition as Program.cs) on 127.0.0.1, pointed at a FakeSlack and a fresh database,
/// plus <c>POST /bench/bare</c> in the same process and pipeline: the floor our overhead is measured against.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string SigningSecret = "bench-signing-secret-0123456789abcdef";
    public const string TeamId = "T_BENCH";
    public const string ChannelId = "C_BENCH";

    private BenchHost(WebApplication app, FakeSlack slack, string database)
    {
        App = app;
        Slack = slack;
        Database = database;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public WebApplication App { get; }

    public FakeSlack Slack { get; }

    public string Database { get; }

    public Uri BaseAddress { get; }

    /// <summary>A host on a fresh database and a fresh FakeSlack with <paramref name="users"/> people in one channel.</summary>
    public static async Task<BenchHost> StartAsync(int users)
    {
        var database = await CreateDatabaseAsync();
        var slack = await StartSlackAsync(users);
        var app = await StartAppAsync(PostgresServer.ConnectionStringFor(database), slack.ApiBaseUrl, jobsEnabled: false, services: null);
        return new BenchHost(app, slack, database);
    }

    public static async Task<string> CreateDatabaseAsync()
    {
        var database = $"asynclead_bench_{Guid.NewGuid():N}";
        await PostgresServer.ExecuteAsync($"CREATE DATABASE \"{database}\"");
        return database;
    }

    public static async Task<FakeSlack> StartSlackAsync(int users)
    {
        var slack = await FakeSlack.StartAsync();
        slack.AddWorkspace(TeamId, "xoxb-bench-token", name: "Bench");
        var people = Enumerable.Range(1, users).Select(UserId).ToList();
        foreach (var person in people)
        {
            slack.AddUser(person, person.ToLowerInvariant(), tz: "Europe/Berlin");
        }
        slack.AddChannel(ChannelId, "team-bench", members: people, botIsMember: true);
        return slack;
    }

    /// <summary>The real composition, migrated and listening on loopback, plus the bare floor endpoint.</summary>
    public static async Task<WebApplication> StartAppAsync(string connectionString, string slackApiBaseUrl, bool jobsEnabled,
        Action<IServiceCollection>? services)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 200 }.ConnectionString,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-bench-token",
            ["Slack:ApiBaseUrl"] = slackApiBaseUrl,
            ["AsyncLead:PublicUrl"] = "https://asynclead.bench",
            // The ack bench measures the ack path alone; the scheduler bench turns the worker on.
            ["Jobs:Enabled"] = jobsEnabled ? "true" : "false",
            ["Jobs:Concurrency"] = "32",
            ["Jobs:BatchSize"] = "100",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddAsyncLead();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.ValidateSettings();
        app.MapAsyncLead();
        app.MapPost("/bench/bare", () => Results.Ok());
        await app.MigrateDatabaseAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    public static string UserId(int index) => $"U{index:D5}";

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(Database);
    }
}

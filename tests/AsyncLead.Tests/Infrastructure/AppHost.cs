using AsyncLead.Slack.Dispatch;
using AsyncLead.Storage;
using AsyncLead.Testing.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Tests.Infrastructure;

/// <summary>
/// The real AsyncLead host (the same composition Program.cs runs) on Kestrel at 127.0.0.1:0, configured only by
/// what the test passes: nothing leaks in from the machine's environment.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private AppHost(WebApplication app, CapturedLogs logs)
    {
        App = app;
        Logs = logs;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient(new AfterTheAck(app.Services.GetRequiredService<InFlightHandlers>()) { InnerHandler = new SocketsHttpHandler() })
        {
            BaseAddress = BaseAddress,
        };
        RawHttp = new HttpClient { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public CapturedLogs Logs { get; }

    public Uri BaseAddress { get; }

    /// <summary>
    /// Answers a Slack request once the work its ack set going has finished too (the modal opened, the response_url
    /// answered), as a person who waits a moment sees it; tests then read Slack's state without polling.
    /// </summary>
    public HttpClient Http { get; }

    /// <summary>Answers as soon as the ack does, for tests that time the ack itself.</summary>
    public HttpClient RawHttp { get; }

    /// <summary>Builds the host without mapping or starting it (for tests of start-up validation).</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, CapturedLogs? logs = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ApplicationName = typeof(AsyncLeadHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs ?? new CapturedLogs());

        builder.AddAsyncLead();
        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }
        services?.Invoke(builder.Services);

        return builder.Build();
    }

    public static async Task<AppHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:Postgres"] = connectionString,
        };
        var logs = new CapturedLogs();
        var app = Build(all, logs, clock, services);
        app.ValidateSettings();
        app.MapAsyncLead();
        await app.MigrateDatabaseAsync(CancellationToken.None);
        await app.StartAsync();
        return new AppHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        RawHttp.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Holds each response back until the handlers' follow-up work is done (at most a generous while).</summary>
internal sealed class AfterTheAck(InFlightHandlers handlers) : DelegatingHandler
{
    private static readonly TimeSpan AtMost = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath.StartsWith("/slack/", StringComparison.Ordinal) == true)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(AtMost);
            await handlers.WhenIdleAsync(limit.Token);
        }

        return response;
    }
}

using System.Collections.Concurrent;
using AsyncLead.Slack.WebApi;
using AsyncLead.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>The real client, composed through <see cref="SlackWebApiExtensions.AddSlackWebApi"/> as the app composes it.</summary>
internal sealed class SlackClientHost : IDisposable
{
    public const string ClientId = "1111111111.2222222222";
    public const string ClientSecret = "test-client-secret-9f8e7d";
    public const string AppToken = "xapp-1-A0TEST-1-0a1b2c3d";

    private readonly ServiceProvider _services;

    private SlackClientHost(ServiceProvider services, WorkspaceTokens tokens, CapturedLogs logs)
    {
        _services = services;
        Tokens = tokens;
        Logs = logs;
    }

    public ISlackClient Slack => _services.GetRequiredService<ISlackClient>();

    public WorkspaceTokens Tokens { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _services;

    public static SlackClientHost Create(string apiBaseUrl, Action<SlackWebApiOptions>? configure = null, Action<SlackOptions>? slackSettings = null)
    {
        var tokens = new WorkspaceTokens();
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .Configure<SlackOptions>(slack =>
            {
                slack.ApiBaseUrl = apiBaseUrl;
                slack.ClientId = ClientId;
                slack.ClientSecret = ClientSecret;
                slack.AppToken = AppToken;
                slackSettings?.Invoke(slack);
            })
            .AddSingleton<ISlackTokenSource>(tokens)
            .AddSlackWebApi(options =>
            {
                // Fast backoff keeps tests quick; Retry-After waits are Slack's to choose and stay real.
                options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                options.MaxRetryAfterWait = TimeSpan.FromSeconds(2);
                options.AttemptTimeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(options);
            })
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SlackClientHost(services, tokens, logs);
    }

    public void Dispose() => _services.Dispose();
}

/// <summary>The app's side of the token seam: bot tokens per workspace, as a multi-workspace install store would hand them out.</summary>
internal sealed class WorkspaceTokens : ISlackTokenSource
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public ConcurrentQueue<string> Requested { get; } = new();

    public WorkspaceTokens Add(string teamId, string token)
    {
        _tokens[teamId] = token;
        return this;
    }

    public ValueTask<string> GetBotTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        Requested.Enqueue(teamId);
        return _tokens.TryGetValue(teamId, out var token)
            ? ValueTask.FromResult(token)
            : throw new InvalidOperationException($"No install for {teamId}.");
    }
}

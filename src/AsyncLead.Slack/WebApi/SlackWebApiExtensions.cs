using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.WebApi;

public static class SlackWebApiExtensions
{
    /// <summary>The named HttpClient every Web API call goes through, for the app to add handlers (e.g. metrics).</summary>
    public const string HttpClientName = SlackApiTransport.HttpClientName;

    /// <summary>
    /// Registers <see cref="ISlackClient"/>. Needs <c>IOptions&lt;SlackOptions&gt;</c> (for <c>Slack__ApiBaseUrl</c> and
    /// the app credentials) and an <see cref="ISlackTokenSource"/> from the app.
    /// </summary>
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services, Action<SlackWebApiOptions>? configure = null)
    {
        var options = services.AddOptions<SlackWebApiOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackWebApiOptions>, SlackWebApiOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiTransport.HttpClientName, (provider, http) =>
            {
                http.BaseAddress = new Uri(provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
                http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout in the resilience pipeline
            })
            // No per-request log lines (four per call, headers and all): calls are counted by method and outcome in
            // metrics, and a failure surfaces as the SlackApiException its caller logs.
            .RemoveAllLoggers();
        services.TryAddSingleton<SlackApiTransport>();
        services.TryAddSingleton<ISlackClient, SlackClient>();
        services.TryAddSingleton<ISlackTokenAuth, SlackTokenAuth>();
        return services;
    }
}

using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.SocketMode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AsyncLead.Slack.Receivers;

public static class SlackReceiverExtensions
{
    /// <summary>
    /// Everything that receives Slack requests: options (<c>Slack__*</c>), the dispatcher and its route table, the
    /// tracker that lets in-flight handlers finish at shutdown, the response_url client, and the Socket Mode client
    /// (idle unless <c>Slack__AppToken</c> is set; it then needs <see cref="WebApi.SlackWebApiExtensions.AddSlackWebApi"/>
    /// for apps.connections.open). Add handlers with
    /// <see cref="SlackHandlerServiceCollectionExtensions.AddSlackHandler{THandler}"/>; tune the ack budget with
    /// <c>services.Configure&lt;SlackDispatchOptions&gt;(…)</c>.
    /// </summary>
    public static IServiceCollection AddSlackReceivers(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName);
        services.AddOptions<SlackDispatchOptions>()
            .Validate(options => options.AckBudget > TimeSpan.Zero, "The Slack ack budget must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ResponseUrlClient.HttpClientName);
        services.TryAddSingleton<ResponseUrlClient>();
        services.TryAddSingleton<InFlightHandlers>();
        services.AddHostedService(provider => provider.GetRequiredService<InFlightHandlers>());
        services.TryAddSingleton(provider => SlackRouteTable.Build(provider, provider.GetServices<SlackHandlerRegistration>()));
        services.TryAddSingleton<SlackDispatcher>();
        services.TryAddSingleton<SlackHttpReceiver>();

        services.AddOptions<SocketModeOptions>();
        services.TryAddSingleton<SocketModeEnvelopes>();
        services.AddHostedService<SocketModeClient>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /slack/commands</c>, <c>/slack/interactions</c> and <c>/slack/events</c>. Builds the route table
    /// now, so a route claimed by two handlers fails the start rather than the first request.
    /// </summary>
    public static RouteGroupBuilder MapSlackReceivers(this IEndpointRouteBuilder endpoints)
    {
        var receiver = endpoints.ServiceProvider.GetService<SlackHttpReceiver>()
            ?? throw new InvalidOperationException("Slack receivers are not registered: call services.AddSlackReceivers() before MapSlackReceivers().");

        var slack = endpoints.MapGroup("/slack");
        slack.MapPost("/commands", (RequestDelegate)receiver.HandleCommandsAsync);
        slack.MapPost("/interactions", (RequestDelegate)receiver.HandleInteractionsAsync);
        slack.MapPost("/events", (RequestDelegate)receiver.HandleEventsAsync);
        return slack;
    }
}

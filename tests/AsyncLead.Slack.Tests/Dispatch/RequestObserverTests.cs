using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.Dispatch;

public sealed class RequestObserverTests
{
    private static SlashCommand Command(string command) => new()
    {
        Command = command, Text = "done", TeamId = "T0AL5LEAD", ChannelId = "C0AL5TEAM", UserId = "U0AL5ALICE",
        EnterpriseId = "E0AL5ORG", IsEnterpriseInstall = true, TriggerId = "1.2.3",
    };

    [Fact]
    public async Task Every_routed_request_is_observed_with_its_context_before_the_handler_and_a_failing_observer_never_stops_it()
    {
        var seen = new SeenContexts();
        using var services = SlackTestServices.Build(s => s
            .AddSingleton(seen)
            .AddSingleton<ISlackRequestObserver, FailingObserver>()
            .AddSingleton<ISlackRequestObserver, RecordingObserver>()
            .AddSlackHandler<WeeklyUpdateCommand>());
        var dispatcher = services.GetRequiredService<SlackDispatcher>();

        var routed = await dispatcher.DispatchCommandAsync(Command("/weekly-update"));
        var unrouted = await dispatcher.DispatchCommandAsync(Command("/nobody-home"));

        Assert.Equal("Saved: done", Assert.IsType<MessageAck>(routed).Text);
        Assert.Same(SlackAck.Empty, unrouted);
        var context = Assert.Single(seen.All);
        Assert.Equal(("T0AL5LEAD", "E0AL5ORG", true), (context.TeamId, context.EnterpriseId, context.IsEnterpriseInstall));
        Assert.Single(services.GetRequiredService<HandlerCalls>().To("/weekly-update"));
    }

    private sealed class SeenContexts
    {
        public List<SlackContext> All { get; } = [];
    }

    private sealed class RecordingObserver(SeenContexts seen) : ISlackRequestObserver
    {
        public Task ObserveAsync(SlackContext context, CancellationToken cancellationToken)
        {
            seen.All.Add(context);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingObserver : ISlackRequestObserver
    {
        public Task ObserveAsync(SlackContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the database is down");
    }
}

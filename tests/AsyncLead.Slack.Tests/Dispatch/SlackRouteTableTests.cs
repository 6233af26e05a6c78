using AsyncLead.Slack.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Slack.Tests.Dispatch;

public sealed class SlackRouteTableTests
{
    private static InvalidOperationException StartFails(Action<IServiceCollection> addHandlers)
    {
        using var services = SlackTestServices.Build(addHandlers);
        return Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<SlackRouteTable>());
    }

    [Fact]
    public void Every_handler_interface_a_class_implements_becomes_a_route()
    {
        using var services = SlackTestServices.Build(SlackTestServices.AddAllHandlers);

        var routes = services.GetRequiredService<SlackRouteTable>();

        Assert.Equal(["/decision", "/explode", "/slow", "/then", "/weekly-update"], routes.Commands.Keys.Order());
        Assert.Equal(["decision.approve", "decision.stance", "weekly-update.open"], routes.Actions.Keys.Order());
        Assert.Equal(typeof(WeeklyUpdateModal), routes.ViewSubmissions["weekly-update.submit"]);
        Assert.Equal(typeof(WeeklyUpdateModal), routes.ViewClosings["weekly-update.submit"]);
        Assert.Equal(["decision.from-message", "decision.new"], routes.Shortcuts.Keys.Order());
        Assert.Equal(["app_home_opened", "app_uninstalled", "message", "tokens_revoked", "user_change"], routes.Events.Keys.Order());
    }

    [Fact]
    public void Two_handlers_for_one_command_fail_the_start_naming_the_command_and_both_handlers()
    {
        var error = StartFails(services => services.AddSlackHandler<WeeklyUpdateCommand>().AddSlackHandler<SecondWeeklyUpdateCommand>());

        Assert.Contains("slash command '/weekly-update'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(WeeklyUpdateCommand), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SecondWeeklyUpdateCommand), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_for_one_action_id_fail_the_start_naming_it()
    {
        var error = StartFails(services => services.AddSlackHandler<ApproveAction>().AddSlackHandler<SecondApproveAction>());

        Assert.Contains("action_id 'decision.approve'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_for_one_event_type_fail_the_start_naming_it()
    {
        var error = StartFails(services => services
            .AddSingleton<ISlackEventReceipts, InMemoryEventReceipts>()
            .AddSlackHandler<MessageHandler>()
            .AddSlackHandler<SecondMessageHandler>());

        Assert.Contains("event type 'message'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_the_same_handler_twice_is_one_route()
    {
        using var services = SlackTestServices.Build(s => s.AddSlackHandler<DecisionCommand>().AddSlackHandler<DecisionCommand>());

        Assert.Single(services.GetRequiredService<SlackRouteTable>().Commands);
    }

    [Fact]
    public void Event_handlers_without_a_deduplicator_fail_the_start()
    {
        var error = StartFails(services => services.AddSlackHandler<MessageHandler>());

        Assert.Contains(nameof(ISlackEventReceipts), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_that_is_no_handler_is_refused_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSlackHandler<NotAHandler>());

        Assert.Contains(nameof(NotAHandler), error.Message, StringComparison.Ordinal);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>
/// One person in Slack, for tests that read like stories:
/// <c>await alice.RunsCommandAsync("/weekly-update"); await alice.SubmitsViewAsync(("Completed", "Shipped it"));</c>
/// </summary>
public sealed class SlackUser
{
    private readonly SlackSimulator _simulator;

    internal SlackUser(SlackSimulator simulator, string id, string channelId)
    {
        _simulator = simulator;
        Id = id;
        ChannelId = channelId;
    }

    public string Id { get; }

    /// <summary>Where this person's slash commands run (a channel id, or their own id for the DM with the app).</summary>
    public string ChannelId { get; }

    /// <summary>The same person in another channel.</summary>
    public SlackUser In(string channelId) => new(_simulator, Id, channelId);

    public Task<SlackResponse> RunsCommandAsync(string command, string text = "") =>
        _simulator.SendCommandAsync(Id, ChannelId, command, text);

    /// <summary>Clicks the button with this action_id on a message, also an ephemeral one only this person sees.</summary>
    public Task<SlackResponse> ClicksAsync(FakeMessage message, string actionId) =>
        _simulator.ActAsync(Id, message, actionId, entered: false, value: null);

    /// <summary>Clicks the button with this action_id in what a command of theirs answered (visible only to them).</summary>
    public Task<SlackResponse> ClicksInAnswerAsync(SlackResponse answer, string actionId) =>
        _simulator.ActOnAnswerAsync(Id, ChannelId, answer, actionId);

    /// <summary>Clicks the button with this action_id in a modal or Home tab.</summary>
    public Task<SlackResponse> ClicksAsync(FakeView view, string actionId) =>
        _simulator.ActAsync(Id, view, actionId, entered: false, value: null);

    /// <summary>Picks a value in a select, overflow menu, date picker… on a message, ephemeral or not (an option by value or text).</summary>
    public Task<SlackResponse> PicksAsync(FakeMessage message, string actionId, object? value) =>
        _simulator.ActAsync(Id, message, actionId, entered: true, value);

    /// <summary>Picks a value in a select, overflow menu, date picker… in a modal or Home tab.</summary>
    public Task<SlackResponse> PicksAsync(FakeView view, string actionId, object? value) =>
        _simulator.ActAsync(Id, view, actionId, entered: true, value);

    /// <summary>
    /// Picks a value in a modal whose other inputs hold <paramref name="form"/> (by block_id, action_id or label; the
    /// picked input's own entry included): an input with dispatch_action tells the app at once, with the form so far.
    /// </summary>
    public Task<SlackResponse> PicksAsync(FakeView view, string actionId, object? value, IReadOnlyList<(string Field, object? Value)> form) =>
        _simulator.ActAsync(Id, view, actionId, entered: true, value, form);

    /// <summary>
    /// Fills in and submits the modal this person is looking at. Each entry names an input by block_id,
    /// action_id or label; inputs not named keep their initial values.
    /// </summary>
    public async Task<SlackResponse> SubmitsViewAsync(params (string Field, object? Value)[] values) =>
        await _simulator.SubmitViewAsync(Id, await OpenModalAsync(), values);

    /// <summary>Closes the modal this person is looking at; null when the view did not ask to be told (notify_on_close).</summary>
    public async Task<SlackResponse?> ClosesViewAsync() => await _simulator.CloseViewAsync(Id, await OpenModalAsync());

    /// <summary>
    /// Writes a message in this person's channel (in a thread with <paramref name="threadTs"/>); where the bot is in the
    /// channel, Slack tells it with a <c>message</c> event, as it does.
    /// </summary>
    public async Task<FakeMessage> PostsAsync(string text, string? threadTs = null)
    {
        var slack = _simulator.Slack;
        var message = slack.AddMessage(ChannelId, Id, text, threadTs);
        if (slack.MessageEventFor(message) is { } @event)
        {
            await _simulator.SendEventAsync(_simulator.EventCallback(@event, slack.Person(Id).Workspace.TeamId));
        }

        return message;
    }

    /// <summary>Opens the app's Home tab: an <c>app_home_opened</c> event, carrying the published view if there is one.</summary>
    public Task<SlackResponse> OpensAppHomeAsync()
    {
        var slack = _simulator.Slack;
        var @event = new JsonObject
        {
            ["type"] = "app_home_opened",
            ["user"] = Id,
            ["channel"] = slack.Conversation(Id).Id,
            ["tab"] = "home",
        };
        if (slack.PublishedHome(Id) is { } home)
        {
            @event["view"] = home.Json.DeepClone();
        }

        return _simulator.SendEventAsync(_simulator.EventCallback(@event, slack.Person(Id).Workspace.TeamId));
    }

    /// <summary>Runs a global shortcut by its callback_id.</summary>
    public Task<SlackResponse> UsesShortcutAsync(string callbackId) => _simulator.UseShortcutAsync(Id, callbackId);

    /// <summary>Runs a message shortcut (from a message's "more actions" menu) by its callback_id.</summary>
    public Task<SlackResponse> UsesShortcutAsync(FakeMessage message, string callbackId) =>
        _simulator.UseMessageShortcutAsync(Id, message, callbackId);

    /// <summary>
    /// The modal this person is looking at. Apps open modals just after acking the click or command (views.open follows
    /// the ack), so a person who sees none yet looks again for a moment, as in Slack.
    /// </summary>
    private async Task<FakeView> OpenModalAsync()
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_simulator.Slack.OpenModalFor(Id) is { } modal)
            {
                return modal;
            }

            if (waited.Elapsed > FakeSlack.DefaultWaitTimeout)
            {
                throw new InvalidOperationException($"{Id} has no modal open: did the bot call views.open?");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }
}

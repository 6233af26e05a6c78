using System.Text.Json;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// What the HTTP response (or Socket Mode ack) to Slack carries. Explicit on purpose: a handler says whether the
/// user sees a message, a modal changes, or nothing happens.
/// </summary>
public abstract record SlackAck
{
    /// <summary>An empty 200: nothing shown; for view_submission, the modal closes.</summary>
    public static SlackAck Empty { get; } = new EmptyAck();

    /// <summary>A message only the invoking user sees (slash commands).</summary>
    public static MessageAck Ephemeral(string text, JsonElement? blocks = null) => new(MessageAck.EphemeralType, text, blocks);

    /// <summary>A private answer with buttons or other blocks; <paramref name="text"/> is what notifications show.</summary>
    public static MessageAck Ephemeral(string text, IReadOnlyList<Block> blocks) =>
        Ephemeral(text, JsonSerializer.SerializeToElement(blocks, SlackJson.Options));

    /// <summary>
    /// An answer to a click (<see cref="IAnsweringBlockActionHandler"/>) that replaces the message clicked, also an
    /// ephemeral one, so its buttons can't be pressed again.
    /// </summary>
    public static MessageAck ReplaceClicked(string text, IReadOnlyList<Block> blocks) => Ephemeral(text, blocks) with { ReplaceOriginal = true };

    /// <summary>An answer to a click (<see cref="IAnsweringBlockActionHandler"/>) that deletes the message clicked.</summary>
    public static MessageAck DeleteClicked { get; } = Ephemeral("") with { DeleteOriginal = true };

    /// <summary>A message everyone in the channel sees (slash commands).</summary>
    public static MessageAck InChannel(string text, JsonElement? blocks = null) => new(MessageAck.InChannelType, text, blocks);

    /// <summary>view_submission: keep the modal open and show these messages under the named input blocks.</summary>
    public static ViewResponseAck ViewErrors(IReadOnlyDictionary<string, string> errorsByBlockId) => new("errors", errorsByBlockId, null);

    /// <summary>view_submission: replace the current modal with <paramref name="view"/>.</summary>
    public static ViewResponseAck UpdateView(JsonElement view) => new("update", null, view);

    /// <summary>view_submission: push <paramref name="view"/> on top of the current modal.</summary>
    public static ViewResponseAck PushView(JsonElement view) => new("push", null, view);

    /// <summary>view_submission: close every modal in the stack.</summary>
    public static ViewResponseAck ClearViews() => new("clear", null, null);

    /// <summary>
    /// Events only: Slack should deliver this again later (its handler failed, overran, or runs elsewhere right now).
    /// Over HTTP a 503, which Slack retries (reason <c>http_error</c>); over Socket Mode no ack, which Slack retries too.
    /// </summary>
    public static SlackAck RetryLater { get; } = new RetryLaterAck();

    /// <summary>
    /// Bolt's order: Slack gets <paramref name="ack"/> at once, then <paramref name="then"/> runs (in the handler's
    /// scope), e.g. views.open with the trigger_id, which stays valid for 3 s after receipt, or Slack lookups the ack
    /// must not wait for. A message <paramref name="then"/> returns goes to the request's response_url; if it fails,
    /// <paramref name="failureNotice"/> does (when given and the request has a response_url).
    /// </summary>
    public static FollowUpAck AckThen(SlackAck ack, Func<CancellationToken, Task<MessageAck?>> then, string? failureNotice = null) =>
        new(ack is FollowUpAck ? throw new ArgumentException("A follow-up cannot ack with another follow-up.", nameof(ack)) : ack, then, failureNotice);

    /// <summary>The JSON body, or null for an empty 200.</summary>
    internal byte[]? ToJsonBody() =>
        this is EmptyAck or RetryLaterAck ? null : JsonSerializer.SerializeToUtf8Bytes(this, GetType(), SlackJson.Options);
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using AsyncLead.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// Every post the app makes, exactly once per key of its own (e.g. <c>week-root:42</c>), however often the job that makes it
/// runs. Before <c>chat.postMessage</c> the post is marked "posting" in the <see cref="ISlackPostLedger"/> (committed), its ts
/// is recorded the moment Slack returns it, and a definite "not posted" (<c>ok:false</c>, 429) clears the mark. Only a mark
/// left behind (a timeout, a 5xx, a dropped connection, a crash, a cancel or a shutdown: the outcome is unknown) makes the
/// next attempt look for its own message first, by the key the message carries in its metadata; the steady path never
/// reads history, which Slack limits to a page of 15 a minute for apps outside its Marketplace. A 429 on that lookup
/// surfaces as <see cref="SlackRateLimitedException"/> for the caller's job to come back later, with the mark kept.
/// </summary>
public sealed partial class SlackPoster(ISlackPostLedger ledger, TimeProvider clock, ILogger<SlackPoster> logger)
{
    /// <summary>The metadata field that carries the key; the event type is the caller's, or <see cref="DefaultEventType"/>.</summary>
    public const string KeyField = "post_key";

    public const string DefaultEventType = "asynclead_post";

    /// <summary>How far before an attempt's recorded start a lookup reaches, for clock differences between us and Slack.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Posts <paramref name="message"/> unless the post of <paramref name="key"/> is made already; returns where it is, and
    /// whether an earlier attempt made it (its content may then be older than <paramref name="message"/>: edit it if that matters).
    /// </summary>
    public async Task<PostOnce> PostOnceAsync(ISlackApi api, string key, PostMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var record = await ledger.BeginAsync(api.TeamId, key, clock.GetUtcNow(), cancellationToken);
        if (record.Posted is { } recorded)
        {
            return new PostOnce(recorded, Earlier: true);
        }

        var keyed = message with { Metadata = Keyed(message.Metadata, key) };
        if (!record.IsNew)
        {
            var found = await FindAsync(api, key, keyed, record.StartedAt, cancellationToken);
            LogLookedUp(key, record.StartedAt, found is not null);
            if (found is not null)
            {
                await ledger.RecordPostedAsync(api.TeamId, key, found, CancellationToken.None);
                return new PostOnce(found, Earlier: true);
            }
        }

        PostedMessage posted;
        try
        {
            posted = await api.Chat.PostMessageAsync(keyed, cancellationToken);
        }
        catch (Exception ex) when (!SlackErrors.MayHaveActed(ex))
        {
            await ledger.ClearAsync(api.TeamId, key, CancellationToken.None);
            throw;
        }

        // Slack has posted: the ts is kept even when the caller was cancelled meanwhile.
        await ledger.RecordPostedAsync(api.TeamId, key, posted, CancellationToken.None);
        return new PostOnce(posted, Earlier: false);
    }

    /// <summary>
    /// An ephemeral at most once. Slack keeps no trace of ephemerals to look for, so one Slack never answered (a timeout, a
    /// dropped connection, a cancel or a shutdown) is never sent again: a person missing a transient note is better than one
    /// reading it twice. A server error is an answer, and nearly always means nothing was done: that one is sent again, as
    /// losing the answer to a click is worse than the rare second copy. Returns whether this call sent it.
    /// </summary>
    public async Task<bool> PostEphemeralOnceAsync(ISlackApi api, string key, EphemeralMessageRequest message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var record = await ledger.BeginAsync(api.TeamId, key, clock.GetUtcNow(), cancellationToken);
        if (!record.IsNew)
        {
            if (record.Posted is null)
            {
                LogEphemeralDropped(key, record.StartedAt);
            }

            return false;
        }

        string ts;
        try
        {
            ts = await api.Chat.PostEphemeralAsync(message, cancellationToken);
        }
        catch (Exception ex) when (!SlackErrors.MayHaveActed(ex) || ex is HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError })
        {
            await ledger.ClearAsync(api.TeamId, key, CancellationToken.None);
            throw;
        }

        await ledger.RecordPostedAsync(api.TeamId, key, new PostedMessage(message.Channel, ts), CancellationToken.None);
        return true;
    }

    /// <summary>Our earlier message of this key, in the thread or channel (a person's id means our DM with them) since the attempt began.</summary>
    private static async Task<PostedMessage?> FindAsync(ISlackApi api, string key, PostMessageRequest message, DateTimeOffset startedAt, CancellationToken ct)
    {
        var channel = IsPerson(message.Channel) ? await api.Conversations.OpenDirectMessageAsync(message.Channel, ct) : message.Channel;
        var oldest = (startedAt - ClockSkew).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var messages = message.ThreadTs is { } threadTs
            ? api.Conversations.RepliesAsync(channel, threadTs, oldest, includeAllMetadata: true, ct)
            : api.Conversations.HistoryAsync(channel, oldest, includeAllMetadata: true, ct);
        var found = await messages.FirstOrDefaultAsync(m => m.Metadata?.EventPayload?[KeyField]?.ToString() == key, ct);
        return found is null ? null : new PostedMessage(channel, found.Ts);
    }

    // Posting to a user id posts in the app's DM with them (U… in a workspace, W… on Enterprise Grid).
    private static bool IsPerson(string channel) => channel.StartsWith('U') || channel.StartsWith('W');

    /// <summary>The metadata a post of <paramref name="key"/> carries; an edit of it passes the same, as chat.update replaces metadata.</summary>
    public static MessageMetadata Keyed(MessageMetadata? metadata, string key)
    {
        var payload = metadata?.EventPayload?.DeepClone().AsObject() ?? [];
        payload[KeyField] = key;
        return new MessageMetadata(metadata?.EventType ?? DefaultEventType, payload);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Post {Key}: an attempt begun at {StartedAt} left its outcome unknown; looked in Slack and found it: {Found}")]
    private partial void LogLookedUp(string key, DateTimeOffset startedAt, bool found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ephemeral {Key}: an attempt begun at {StartedAt} left its outcome unknown; not sent again")]
    private partial void LogEphemeralDropped(string key, DateTimeOffset startedAt);
}

using System.Text.RegularExpressions;
using AsyncLead.Features.Members;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A <c>message</c> event in a channel the bot is in (Slack sends them with <c>message.channels</c> and
/// <c>message.groups</c>; the threads are never polled): a reply in a week's thread that mentions writers of that week
/// becomes questions for them (<see cref="ThreadQuestions"/>), and a writer's own reply answers theirs. Bots, edits and
/// deletions are ignored. Runs on the ack path: stored facts only, one transaction, no Slack call.
/// </summary>
public sealed partial class ThreadReplyHandler(ThreadQuestions questions, MemberDirectory directory, TimeProvider clock) : ISlackEventHandler
{
    public string EventType => "message";

    public async Task HandleAsync(EventCallbackPayload callback, SlackContext context, CancellationToken ct)
    {
        if (callback.Event is not MessageEvent { Subtype: null, ThreadTs: { } threadTs, Ts: { } ts, Channel: { } channel, User: { } user } message
            || message.IsFromBot || threadTs == ts || message.ChannelType is not ("channel" or "group")
            || (context.TeamId ?? callback.TeamId) is not { } workspaceId)
        {
            return;
        }

        var text = message.Text ?? "";
        var mentioned = Mentions().Matches(text).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        var known = new Dictionary<string, MemberProfile?>(StringComparer.Ordinal);
        foreach (var id in mentioned)
        {
            known[id] = await directory.KnownAsync(workspaceId, id, ct);
        }

        // The DM waits a little for more questions, then for the person's working time (the job checks again when it runs).
        await questions.RecordReplyAsync(workspaceId, channel, threadTs, ts, user, text, mentioned,
            author => known.GetValueOrDefault(author)?.Schedule.NextAllowedInstant(now + ThreadQuestions.BatchWindow) ?? now + ThreadQuestions.BatchWindow,
            now, ct);
    }

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9_]+)(\|[^>]*)?>", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Mentions();
}

using AsyncLead.Outbox;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Extend, Withdraw and Decide belong to the doc's author; anyone else is told so privately.</summary>
internal static class AuthorsDoc
{
    /// <summary>The clicked doc when it is in the click's workspace and the clicker wrote it; null otherwise (and told why).</summary>
    public static async Task<DecisionDoc?> FindAsync(DecisionStore store, Notices notices, BlockActionsPayload payload,
        BlockAction action, SlackContext context, string verb, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || await store.FindAsync(workspaceId, DecisionMessage.IdFrom(action.Value), ct) is not { } doc)
        {
            return null;
        }

        if (doc.AuthorId != payload.User.Id)
        {
            await notices.TellAsync(context, DecisionText.OnlyAuthor(doc, verb), ct);
            return null;
        }

        return doc;
    }
}

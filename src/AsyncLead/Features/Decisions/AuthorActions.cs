using System.Globalization;
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

public sealed class ExtendAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Extend;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "extend", ct) is not { } doc)
        {
            return;
        }

        if (doc.State is not (DecisionStatus.Open or DecisionStatus.Closed))
        {
            await notices.TellAsync(context, $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so its deadline can't move.", ct);
        }
        else
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Extend(doc, doc.Deadline.AddDays(1)), ct);
        }
    }
}

/// <summary>Edit opens the doc's form filled as it stands, while the doc takes responses.</summary>
public sealed class EditAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Edit;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "edit", ct) is not { } doc)
        {
            return;
        }

        if (await store.SnapshotAsync(doc.Id, ct) is { Doc.State: DecisionStatus.Open } snapshot)
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Edit(snapshot), ct);
        }
        else
        {
            await notices.TellAsync(context, DecisionText.NotEditable(doc), ct);
        }
    }
}

public sealed class WithdrawAction(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Withdraw;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "withdraw", ct) is not { } doc)
        {
            return;
        }

        if (!await store.WithdrawAsync(doc.Id, DecisionText.Withdrawal(doc), ct))
        {
            await notices.TellAsync(context, $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so it can't be withdrawn.", ct);
        }
    }
}

public sealed class DecideAction(DecisionStore store, Notices notices, ISlackClient slack) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Decide;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        if (await AuthorsDoc.FindAsync(store, notices, payload, action, context, "record the decision on", ct) is not { } doc)
        {
            return;
        }

        if (await store.SnapshotAsync(doc.Id, ct) is not { CanDecide: true })
        {
            await notices.TellAsync(context, doc.State == DecisionStatus.Open
                ? $"{DecisionText.Name(doc)} is still waiting for its reviewers: it can be decided once every reviewer has approved with no concern open, or after its deadline."
                : $"{DecisionText.Name(doc)} is {DecisionText.StatusWord(doc)}, so there is nothing to decide now.", ct);
        }
        else
        {
            await slack.ForWorkspace(context.TeamId!).Views.OpenAsync(payload.TriggerId!, DecisionModals.Decide(doc), ct);
        }
    }
}

/// <summary>A concern is resolved by whoever raised it or by the doc's author.</summary>
public sealed class ResolveAction(DecisionStore store, Notices notices) : IBlockActionHandler
{
    public string ActionId => DecisionMessage.Resolve;

    public async Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct)
    {
        var concern = await store.FindConcernAsync(DecisionMessage.IdFrom(action.Value), ct);
        var doc = concern is null || context.TeamId is not { } workspaceId ? null : await store.FindAsync(workspaceId, concern.DecisionId, ct);
        if (concern is null || doc is null)
        {
            return;
        }

        if (payload.User.Id != concern.AuthorId && payload.User.Id != doc.AuthorId)
        {
            await notices.TellAsync(context,
                $"Only {DecisionText.Mention(concern.AuthorId)} (who raised it) or {DecisionText.Mention(doc.AuthorId)} (the doc's author) can "
                + (concern.IsHold ? "release this hold." : "resolve this concern."), ct);
            return;
        }

        await store.ResolveConcernAsync(concern, doc.WorkspaceId, payload.User.Id, ct);
    }
}

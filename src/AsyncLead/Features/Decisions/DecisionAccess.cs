using AsyncLead.Features.Members;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Who may read a doc: whoever may read its channel (a private channel's docs only its members), its author and its
/// named reviewers. Every read that lists or shows docs (<c>/decision list</c>, <c>DEC-n</c>, <c>export</c>, the
/// pages) asks here; it never calls Slack.
/// </summary>
public sealed class DecisionAccess(ChannelAccess channels, DecisionStore store)
{
    /// <param name="viewerId">Who reads; null for a link handed to nobody in particular (only public channels' docs).</param>
    /// <param name="hereChannelId">The channel a slash command came from, which its person is in.</param>
    public async Task<IReadOnlyList<DecisionDoc>> VisibleAsync(string workspaceId, string? viewerId, string? hereChannelId,
        IReadOnlyList<DecisionDoc> docs, CancellationToken ct)
    {
        var readable = await channels.VisibleAsync(workspaceId, viewerId, hereChannelId, docs.Select(d => d.ChannelId), ct);
        var hidden = docs.Where(d => !readable.Contains(d.ChannelId) && d.AuthorId != viewerId).Select(d => d.Id).ToArray();
        var reviewing = viewerId is null ? new HashSet<long>() : await store.ReviewedByAsync(viewerId, hidden, ct);
        return [.. docs.Where(d => !hidden.Contains(d.Id) || reviewing.Contains(d.Id))];
    }

    public async Task<bool> CanReadAsync(string workspaceId, string? viewerId, string? hereChannelId, DecisionDoc doc, CancellationToken ct) =>
        (await VisibleAsync(workspaceId, viewerId, hereChannelId, [doc], ct)).Count == 1;
}

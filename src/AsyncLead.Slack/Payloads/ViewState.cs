namespace AsyncLead.Slack.Payloads;

/// <summary>Values of the input blocks, keyed by block_id then action_id. Only input blocks appear here.</summary>
public sealed record ViewState
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ViewStateValue>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ViewStateValue>>();

    public ViewStateValue? Find(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var actions) && actions.TryGetValue(actionId, out var value) ? value : null;
}

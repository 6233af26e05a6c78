namespace AsyncLead.Slack.BlockKit;

/// <summary>A labelled form field in a modal; its value arrives in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(PlainText Label, BlockElement Element) : Block("input")
{
    public PlainText? Hint { get; init; }

    public bool? Optional { get; init; }

    /// <summary>When true, changing the element sends a <c>block_actions</c> payload before submission.</summary>
    public bool? DispatchAction { get; init; }
}

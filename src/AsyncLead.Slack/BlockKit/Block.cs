using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

/// <summary>A Block Kit layout block. Build freely; <see cref="BlockKitLimits"/> makes any list of blocks fit Slack.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract record Block
{
    private protected Block(string type) => Type = type;

    [JsonPropertyOrder(-1)]
    public string Type { get; }

    public string? BlockId { get; init; }
}

/// <summary>Text and/or up to ten two-column fields, with an optional accessory element.</summary>
public sealed record SectionBlock() : Block("section")
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }

    public BlockElement? Accessory { get; init; }
}

public sealed record HeaderBlock(PlainText Text) : Block("header");

/// <summary>Small grey text. Image elements are not used by AsyncLead, so elements are text objects only.</summary>
public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block("context");

public sealed record DividerBlock() : Block("divider");

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block("actions");

/// <summary>A labelled form field in a modal; its value arrives in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record InputBlock(PlainText Label, BlockElement Element) : Block("input")
{
    public PlainText? Hint { get; init; }

    public bool? Optional { get; init; }

    /// <summary>When true, changing the element sends a <c>block_actions</c> payload before submission.</summary>
    public bool? DispatchAction { get; init; }
}

namespace AsyncLead.Slack.BlockKit;

/// <summary>Text and/or up to ten two-column fields, with an optional accessory element.</summary>
public sealed record SectionBlock() : Block("section")
{
    public TextObject? Text { get; init; }

    public IReadOnlyList<TextObject>? Fields { get; init; }

    public BlockElement? Accessory { get; init; }
}

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

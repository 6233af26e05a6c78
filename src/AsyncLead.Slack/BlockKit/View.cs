using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

/// <summary>A surface made of blocks: a modal or the App Home tab.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ModalView))]
[JsonDerivedType(typeof(HomeView))]
public abstract record View
{
    private protected View(string type, IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        Type = type;
        Blocks = blocks;
    }

    [JsonPropertyOrder(-2)]
    public string Type { get; }

    public IReadOnlyList<Block> Blocks { get; init; }

    /// <summary>What view_submission / view_closed handlers are keyed by.</summary>
    public string? CallbackId { get; init; }

    /// <summary>Round-tripped untouched by Slack (at most 3000 characters).</summary>
    public string? PrivateMetadata { get; init; }

    /// <summary>Our own unique id for the view, usable instead of Slack's view id in views.update.</summary>
    public string? ExternalId { get; init; }
}

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

public sealed record ModalView : View
{
    public ModalView(PlainText title, IReadOnlyList<Block> blocks)
        : base("modal", blocks) =>
        Title = title;

    [JsonPropertyOrder(-1)]
    public PlainText Title { get; init; }

    /// <summary>Required by Slack as soon as the modal has an input block.</summary>
    public PlainText? Submit { get; init; }

    public PlainText? Close { get; init; }

    /// <summary>Sends <c>view_closed</c> when the user dismisses the modal.</summary>
    public bool? NotifyOnClose { get; init; }

    /// <summary>Closing this view closes the whole view stack.</summary>
    public bool? ClearOnClose { get; init; }
}

public sealed record HomeView : View
{
    public HomeView(IReadOnlyList<Block> blocks)
        : base("home", blocks)
    {
    }
}

using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

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

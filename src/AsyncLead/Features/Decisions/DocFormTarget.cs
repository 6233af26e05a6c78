using System.Globalization;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Where a new doc's form posts the doc, and the decided doc it would supersede: the form's private metadata,
/// <c>C123</c> or <c>C123:12</c> (channel ids hold no colon).
/// </summary>
public sealed record DocFormTarget(string ChannelId, DecisionShortId? Supersedes = null)
{
    public string Metadata => Supersedes is { } old
        ? string.Create(CultureInfo.InvariantCulture, $"{ChannelId}:{old.Number}")
        : ChannelId;

    public static DocFormTarget Parse(string metadata)
    {
        var split = metadata.IndexOf(':', StringComparison.Ordinal);
        return split > 0 && int.TryParse(metadata[(split + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new DocFormTarget(metadata[..split], new DecisionShortId(number))
            : new DocFormTarget(split < 0 ? metadata : metadata[..split]);
    }
}

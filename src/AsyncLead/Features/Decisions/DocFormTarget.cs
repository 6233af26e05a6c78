using System.Globalization;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// Where a new doc's form posts the doc, the decided doc it would supersede, and the week summary's blocker it was
/// started from: the form's private metadata, <c>C123</c>, <c>C123:12</c>, <c>C123::45</c> or <c>C123:12:45</c>
/// (channel ids hold no colon; forms opened before the blocker was added still read the same).
/// </summary>
public sealed record DocFormTarget(string ChannelId, DecisionShortId? Supersedes = null, long? SourceBlockerId = null)
{
    public string Metadata => (Supersedes, SourceBlockerId) switch
    {
        (null, null) => ChannelId,
        ({ } old, null) => string.Create(CultureInfo.InvariantCulture, $"{ChannelId}:{old.Number}"),
        (var old, { } blocker) => string.Create(CultureInfo.InvariantCulture, $"{ChannelId}:{old?.Number}:{blocker}"),
    };

    public static DocFormTarget Parse(string metadata)
    {
        var parts = metadata.Split(':', 3);
        var supersedes = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new DecisionShortId(number)
            : (DecisionShortId?)null;
        var blocker = parts.Length > 2 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : (long?)null;
        return new DocFormTarget(parts[0], supersedes, blocker);
    }
}

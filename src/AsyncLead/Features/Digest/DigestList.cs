using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>The first lines of a list (the ones a message shows) and how many there are in all.</summary>
public sealed record DigestList(IReadOnlyList<DigestLine> Shown, int Total)
{
    public static DigestList Empty { get; } = new([], 0);

    public int Hidden => Total - Shown.Count;
}

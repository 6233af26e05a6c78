using System.Globalization;

namespace AsyncLead.Features.Members;

/// <summary>Days a member is away, both inclusive, as dates in the member's own time zone.</summary>
public sealed record AwayPeriod(DateOnly From, DateOnly Until)
{
    public bool Includes(DateOnly date) => From <= date && date <= Until;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{Until:yyyy-MM-dd}");
}

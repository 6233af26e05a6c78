namespace AsyncLead.Features.Members;

/// <summary>One group of <see cref="TimeZoneChoices"/>: a region's label and its zone ids.</summary>
public sealed record TimeZoneGroup(string Label, IReadOnlyList<string> ZoneIds);

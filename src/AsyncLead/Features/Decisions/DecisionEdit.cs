namespace AsyncLead.Features.Decisions;

/// <summary>A posted doc as its author edited it in the form.</summary>
public sealed record DecisionEdit(
    DecisionDocSections Sections, IReadOnlyList<string> Reviewers, DateTimeOffset Deadline, DateTimeOffset DecisionDate, DecisionQuorum Quorum);

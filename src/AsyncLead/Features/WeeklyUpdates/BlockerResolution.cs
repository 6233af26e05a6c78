namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What came of a click on "Resolve": who may resolve the blocker travels with a refusal.</summary>
public sealed record BlockerResolution(BlockerResolution.Outcome Result, string AuthorId, string LeadId)
{
    public enum Outcome
    {
        Resolved,
        NotFound,
        NotAllowed,
    }
}

namespace AsyncLead.Features.Decisions;

/// <summary>What makes a doc ready to decide.</summary>
public enum DecisionQuorum
{
    /// <summary>Every reviewer answered (abstaining included).</summary>
    All,

    /// <summary>More than half the reviewers approved.</summary>
    Majority,
}

namespace AsyncLead.Features.Decisions;

/// <summary>One move of a doc's response deadline, as stored: through Extend (with its reason) or in an edit.</summary>
public sealed record DecisionExtension
{
    public string MovedBy { get; init; } = "";
    public DateTimeOffset FromDeadline { get; init; }
    public DateTimeOffset ToDeadline { get; init; }
    public string Reason { get; init; } = "";

    /// <summary>"extend" or "edit".</summary>
    public string Via { get; init; } = "extend";
    public DateTimeOffset CreatedAt { get; init; }

    public bool InEdit => Via == "edit";
}

namespace AsyncLead.Features.Decisions;

public enum EditResult
{
    Saved,

    /// <summary>The form came back as the doc already was.</summary>
    Unchanged,

    /// <summary>The doc no longer takes responses, so it can't be edited.</summary>
    NotOpen,
}

namespace AsyncLead.Sandbox;

/// <summary>
/// What the sandbox page asks of the sandbox itself rather than of Slack: who the seeded workspace starts with, and
/// the clock, sample-week and reset buttons. The host in sandbox mode implements it; each answer is a line the page shows.
/// </summary>
public interface ISandboxControls
{
    /// <summary>The team's lead: who the page acts as first.</summary>
    string LeadUserId { get; }

    /// <summary>The team channel: where the page opens first.</summary>
    string TeamChannelId { get; }

    /// <summary>Moves the sandbox clock: <c>next-prompt</c>, <c>day</c> or <c>deadline</c>; says where it went and why.</summary>
    Task<string> AdvanceAsync(string step, CancellationToken cancellationToken);

    /// <summary>Writes the sample week through the bot as its people would; says what it wrote.</summary>
    Task<string> FillSampleWeekAsync(CancellationToken cancellationToken);

    /// <summary>Empties the sandbox's database and workspace and seeds them again.</summary>
    Task ResetAsync(CancellationToken cancellationToken);
}

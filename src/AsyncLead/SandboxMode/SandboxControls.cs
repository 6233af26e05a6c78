using System.Globalization;
using AsyncLead.Features.Decisions;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using AsyncLead.Sandbox;

namespace AsyncLead.SandboxMode;

/// <summary>
/// The sandbox page's clock, sample-week and reset buttons. Each moves the <see cref="SandboxClock"/> (or rebuilds
/// everything) and then runs what fell due, so prompts, nudges, the week's close, digests and deadlines happen before
/// it answers; one change at a time.
/// </summary>
internal sealed class SandboxControls(SandboxClock clock, SandboxJobs jobs, SandboxSeed seed, SandboxSampleWeek sampleWeek,
    TeamStore teams, DecisionStore decisions, JobQueue queue) : ISandboxControls
{
    public const string NextPrompt = "next-prompt";
    public const string Day = "day";
    public const string Deadline = "deadline";

    public string LeadUserId => SandboxWorkspace.LeadUserId;

    public string TeamChannelId => SandboxWorkspace.TeamChannelId;

    public async Task<string> AdvanceAsync(string step, CancellationToken cancellationToken)
    {
        if (step is not (NextPrompt or Day or Deadline))
        {
            throw new ArgumentException($"Unknown time step \"{step}\": use {NextPrompt}, {Day} or {Deadline}.", nameof(step));
        }

        await jobs.Gate.WaitAsync(cancellationToken);
        try
        {
            return step switch
            {
                NextPrompt => await ToNextPromptAsync(cancellationToken),
                Day => Said("+1 day", clock.Advance(TimeSpan.FromDays(1)), await jobs.RunDueAsync(cancellationToken)),
                _ => await ToDeadlineAsync(cancellationToken),
            };
        }
        finally
        {
            jobs.Gate.Release();
        }
    }

    public async Task<string> FillSampleWeekAsync(CancellationToken cancellationToken)
    {
        await jobs.Gate.WaitAsync(cancellationToken);
        try
        {
            var prompted = await ToNextPromptAsync(cancellationToken);
            return prompted + " " + await sampleWeek.WriteAsync(cancellationToken);
        }
        finally
        {
            jobs.Gate.Release();
        }
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await jobs.Gate.WaitAsync(cancellationToken);
        try
        {
            await seed.SeedAsync(cancellationToken);
        }
        finally
        {
            jobs.Gate.Release();
        }
    }

    /// <summary>To the team's next weekly prompt, which then goes out with its DMs. The caller holds the gate.</summary>
    internal async Task<string> ToNextPromptAsync(CancellationToken cancellationToken)
    {
        var team = await teams.FindByChannelAsync(SandboxWorkspace.TeamId, SandboxWorkspace.TeamChannelId, cancellationToken);
        var next = team is null ? null : await queue.NextRunAtAsync([WeeklyJobs.PromptKey(team.Id)], cancellationToken);
        if (next is not { } at)
        {
            throw new InvalidOperationException(
                $"No weekly prompt is scheduled: run /weekly-update setup in #{SandboxWorkspace.TeamChannelName} first.");
        }

        return Said("To the next weekly prompt", clock.MoveTo(at), await jobs.RunDueAsync(cancellationToken));
    }

    private async Task<string> ToDeadlineAsync(CancellationToken cancellationToken)
    {
        var open = await decisions.ListOpenAsync(SandboxWorkspace.TeamId, cancellationToken);
        if (open.Count == 0)
        {
            throw new InvalidOperationException("No decision doc is open, so there is no deadline to jump to: write one with /decision.");
        }

        var doc = open.MinBy(d => d.Deadline)!;
        return Said($"To the deadline of {doc.ShortId} \"{doc.Title}\"", clock.MoveTo(doc.Deadline), await jobs.RunDueAsync(cancellationToken));
    }

    private static string Said(string what, DateTimeOffset now, int ran)
    {
        var lead = SandboxWorkspace.People.Single(p => p.IsLead);
        var local = lead.LocalTime(now).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{what}: now {local} for {lead.RealName} ({lead.TimeZone}); {ran} job(s) ran.");
    }
}

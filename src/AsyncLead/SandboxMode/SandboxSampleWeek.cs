using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;

namespace AsyncLead.SandboxMode;

/// <summary>
/// A week as the seeded team would write it, through Slack as they would: two updates typed inline (one with
/// blockers), one through the form, one late from the prompt's button after the week closed, and the lead's decision
/// doc for two reviewers. Runs right after the week's prompt went out, with the gate held.
/// </summary>
internal sealed class SandboxSampleWeek(FakeSlack slack, SlackSimulator simulator, SandboxClock clock, SandboxJobs jobs, TeamStore teams,
    UpdateStore updates, JobQueue queue)
{
    private const string Command = "/weekly-update";
    private const string Priya = "U0PRIYA";
    private const string Liam = "U0LIAM";
    private const string Sofia = "U0SOFIA";
    private const string Kenji = "U0KENJI";
    private const string Lucas = "U0LUCAS";

    public async Task<string> WriteAsync(CancellationToken cancellationToken)
    {
        var team = await teams.FindByChannelAsync(SandboxWorkspace.TeamId, SandboxWorkspace.TeamChannelId, cancellationToken)
            ?? throw new InvalidOperationException($"#{SandboxWorkspace.TeamChannelName} has no weekly updates set up.");
        var week = team.Calendar.ReportingWeekAt(clock.GetUtcNow());

        SandboxSeed.Expect(await Person(Priya).RunsCommandAsync(Command,
            "Done: shipped the payouts retry queue\n- cut p95 checkout latency from 900 ms to 400 ms\nDoing: refund webhooks\nNext week: load-test the new queue"), "Priya's update");
        SandboxSeed.Expect(await Person(Liam).RunsCommandAsync(Command,
            "Done: Terraform for the staging cluster\nBlocked:\n- waiting on a prod AWS account from IT\n- flaky integration tests on main\nNext: move CI to the new runners"), "Liam's update");
        var sofia = Person(Sofia);
        SandboxSeed.Expect(await sofia.RunsCommandAsync(Command), "Sofia opening the form");
        SandboxSeed.Expect(await sofia.SubmitsViewAsync(
            ("Completed", "- Onboarding emails v2\n- Fixed the **double charge** on retries"),
            ("In Progress", "Usage-based pricing page"),
            ("Next Week", "Pair with Kenji on the billing export")), "Sofia's form");
        await jobs.RunDueAsync(cancellationToken);

        // Kenji's prompt reaches him when his working day starts in Tokyo; he misses the close and writes from it
        // afterwards: a late update in its own week.
        if (await updates.FindWeekAsync(team.Id, week.Monday, cancellationToken) is { } stored
            && await queue.NextRunAtAsync([WeeklyJobs.NudgeKey(stored.Id, Kenji, 0)], cancellationToken) is { } kenjisPrompt)
        {
            clock.MoveTo(kenjisPrompt);
            await jobs.RunDueAsync(cancellationToken);
        }

        clock.MoveTo(team.Calendar.ClosesAt(week) + TimeSpan.FromHours(2));
        await jobs.RunDueAsync(cancellationToken);
        var prompt = slack.Messages(Kenji).LastOrDefault(m => m.Text.StartsWith("📝", StringComparison.Ordinal) && m.Text.Contains(week.Name, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kenji got no prompt for the {week.Name}.");
        var kenji = simulator.User(Kenji, Kenji);
        SandboxSeed.Expect(await kenji.ClicksAsync(prompt, NudgeMessage.WriteActionId), "Kenji's Write button");
        SandboxSeed.Expect(await kenji.SubmitsViewAsync(("Completed", "Billing export to CSV"), ("Next Week", "Billing export to the data warehouse")), "Kenji's late update");

        var lead = Person(SandboxWorkspace.LeadUserId);
        SandboxSeed.Expect(await lead.RunsCommandAsync("/decision"), "Maya opening a decision doc");
        SandboxSeed.Expect(await lead.SubmitsViewAsync(
            ("Title", "Move background jobs from Redis to Postgres"),
            ("Problem Statement", "Jobs in Redis are **lost** when it restarts, and we run two stores for one team."),
            ("Options Considered", "1. Keep Redis, add persistence\n2. Postgres with `SKIP LOCKED`"),
            ("Recommendation", "Option 2: one database to run, jobs commit with the data they belong to."),
            ("Reviewers", new[] { Priya, Lucas })), "Maya's decision doc");
        await jobs.RunDueAsync(cancellationToken);

        return $"Sample {week.Name}: updates from Priya, Liam (with blockers) and Sofia, Kenji's late after the close, " +
               "and Maya's decision doc waiting on Priya and Lucas.";
    }

    private SlackUser Person(string userId) => simulator.User(userId, SandboxWorkspace.TeamChannelId);
}

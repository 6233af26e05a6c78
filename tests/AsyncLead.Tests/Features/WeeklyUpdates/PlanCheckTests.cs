using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>Plan against actual on lines as people write them: the same item is found again, and nothing is called dropped on a hunch.</summary>
public sealed class PlanCheckTests
{
    private static WeeklyUpdateSections Update(string completed = "", string inProgress = "", string blockers = "", string nextWeek = "", string notes = "") =>
        new(completed, inProgress, blockers, nextWeek, notes);

    [Theory]
    [InlineData("- Ship payouts v2", "Shipped payouts v2 ✅")]
    [InlineData("Finish the billing migration", "• Billing migration done (PR #4312)")]
    [InlineData("* Write runbook for payout alerts", "wrote the payout alerts runbook")]
    [InlineData("Review Dana's PR for refunds", "Reviewed Dana’s refunds PR")]
    [InlineData("Set up staging DB", "Staging DB: set up")]
    [InlineData("Onboarding emails: copy + design", "onboarding emails (copy & design)")]
    [InlineData("Fix <https://github.com/acme/pay/issues/12|flaky CI>", "Fixed flaky CI")]
    [InlineData("Migrate invoices to Postgres", "Invoice migration to postgres")]
    [InlineData("Deploy refunds service", "refunds service deployed, https://deploy.acme.dev/run/881")]
    [InlineData("Write the Q3 payments runbook", "Q3 payments runbook")]
    [InlineData("1. [ ] Load test the webhooks", "- [x] load-test the webhooks")]
    [InlineData("Intergration tests for refunds", "Integration tests for refunds")]
    [InlineData("Write the on-call runbook", "on-call runbook, half done")]
    public void The_same_item_written_again_is_found_despite_bullets_case_punctuation_and_small_edits(string planned, string written) =>
        Assert.Equal(ItemMatch.Sure, SameItem.Compare(planned, written));

    [Theory]
    [InlineData("Review PR for billing", "Review the onboarding doc")]
    [InlineData("Payments dashboard", "Payments API rate limits")]
    [InlineData("Migrate cron jobs to the queue", "Queue: move the nightly jobs")]
    [InlineData("Write the Q3 payments runbook and the alerting guide", "Payments runbook")]
    [InlineData("Payouts recon job", "payouts reconciliation job")]
    public void Lines_with_only_some_words_in_common_are_unsure(string planned, string written) =>
        Assert.Equal(ItemMatch.Unsure, SameItem.Compare(planned, written));

    [Theory]
    [InlineData("Write the Q3 roadmap", "Fix flaky CI")]
    [InlineData("Plan the offsite", "Shipped payouts v2")]
    [InlineData("Done", "Done")]
    public void Lines_without_a_word_in_common_or_with_only_status_words_are_not_the_same(string planned, string written) =>
        Assert.Equal(ItemMatch.None, SameItem.Compare(planned, written));

    [Fact]
    public void Each_planned_item_is_done_in_progress_planned_again_or_dropped_and_the_line_says_so()
    {
        var lastWeek = Update(nextWeek: "- Ship payouts v2\n- Billing migration\n- Write runbook for payout alerts\n- Review Dana's PR\n- Plan the offsite");
        var thisWeek = Update(
            completed: "- Shipped payouts v2 🎉\n- Reviewed Dana’s PR",
            inProgress: "- Billing migration (invoices table left)",
            nextWeek: "- Runbook for payout alerts");

        var outcomes = PlanCheck.Compare(thisWeek, [lastWeek]);

        Assert.Equal(
        [
            new PlannedOutcome("Ship payouts v2", PlanState.Done),
            new PlannedOutcome("Billing migration", PlanState.InProgress, 2),
            new PlannedOutcome("Write runbook for payout alerts", PlanState.StillPlanned, 2),
            new PlannedOutcome("Review Dana's PR", PlanState.Done),
            new PlannedOutcome("Plan the offsite", PlanState.Dropped),
        ], outcomes);
        Assert.Equal("2 of 5 done · 1 in progress (2nd week) · 1 still planned · 1 dropped: “Plan the offsite”", PlanCheck.Describe(outcomes));
    }

    [Fact]
    public void An_item_in_progress_counts_the_weeks_in_a_row_it_was_planned_or_in_progress()
    {
        var thisWeek = Update(inProgress: "- billing migration: payments table\n- Payouts recon");
        var earlier = new WeeklyUpdateSections?[]
        {
            Update(inProgress: "Billing migration", nextWeek: "- Billing migration\n- Payouts recon"),
            Update(inProgress: "* billing migration, invoices"),
            Update(nextWeek: "Billing migration"),
            null,
            Update(inProgress: "Billing migration"),
        };

        var outcomes = PlanCheck.Compare(thisWeek, earlier);

        Assert.Equal([4, 2], outcomes.Select(o => o.Weeks));
        Assert.Equal("0 of 2 done · 2 in progress (longest: “Billing migration”, 4th week)", PlanCheck.Describe(outcomes));
    }

    [Fact]
    public void When_unsure_an_item_is_unclear_never_dropped_and_a_mention_in_the_notes_or_blockers_is_not_a_drop()
    {
        var lastWeek = Update(nextWeek: "- Payments dashboard\n- Migrate cron jobs to the queue\n- Talk to legal about KYC\n- Offsite agenda\n- Roadmap doc");
        var thisWeek = Update(
            completed: "Payments API rate limits",
            inProgress: "Queue: move the nightly jobs",
            blockers: "- Talk to legal about KYC: nobody answers",
            notes: "Offsite agenda moved to January.");

        var outcomes = PlanCheck.Compare(thisWeek, [lastWeek]);

        Assert.Equal([PlanState.Unclear, PlanState.Unclear, PlanState.Blocked, PlanState.Unclear, PlanState.Dropped], outcomes.Select(o => o.State));
        Assert.Equal("0 of 5 done · 1 blocked · 3 unclear: “Payments dashboard”, “Migrate cron jobs to the queue” and 1 more · 1 dropped: “Roadmap doc”",
            PlanCheck.Describe(outcomes));
    }

    [Fact]
    public void No_plan_the_week_before_no_line_even_with_an_older_plan_and_placeholders_plan_nothing()
    {
        Assert.Empty(PlanCheck.Compare(Update(completed: "Payouts"), []));
        Assert.Empty(PlanCheck.Compare(Update(completed: "Payouts"), [null, Update(nextWeek: "Payouts")]));
        Assert.Empty(PlanCheck.Compare(Update(completed: "Payouts"), [Update(nextWeek: "n/a")]));
        Assert.Empty(PlanCheck.Compare(Update(completed: "Payouts"), [Update(nextWeek: "- TBD\n- wip")]));
        Assert.Null(PlanCheck.Describe([]));
    }

    [Fact]
    public void A_long_item_is_cut_in_the_line_and_the_same_item_planned_twice_counts_once()
    {
        var item = "Write the migration guide for every team that still runs the old payouts cron jobs on the legacy boxes";
        var outcomes = PlanCheck.Compare(Update(completed: "Refunds"), [Update(nextWeek: $"- {item}\n- {item.ToUpperInvariant()}.")]);

        var line = PlanCheck.Describe(outcomes)!;
        Assert.Single(outcomes);
        Assert.StartsWith("0 of 1 done · 1 dropped: “Write the migration guide", line, StringComparison.Ordinal);
        Assert.EndsWith("…”", line, StringComparison.Ordinal);
        Assert.True(line.Length < 100, line);
    }

    [Fact]
    public void A_blocker_counts_the_weeks_in_a_row_it_was_written_unchanged()
    {
        var thisWeek = Update(blockers: "- Waiting on API keys\n- flaky CI");
        WeeklyUpdateSections?[] earlier = [Update(blockers: "waiting on  API keys"), Update(blockers: "* Waiting on API keys"), Update(blockers: "none")];

        Assert.Equal(3, PlanCheck.BlockedWeeks("Waiting on API keys", thisWeek, earlier));
        Assert.Equal(1, PlanCheck.BlockedWeeks("flaky CI", thisWeek, earlier));
        Assert.Equal(0, PlanCheck.BlockedWeeks("no staging DB", thisWeek, earlier));
        // Changed words are a changed blocker: not "the same for two weeks".
        Assert.Equal(1, PlanCheck.BlockedWeeks("Waiting on API keys from the bank", Update(blockers: "Waiting on API keys from the bank"), earlier));
        Assert.Equal(1, PlanCheck.BlockedWeeks("Waiting on API keys", thisWeek, [null, Update(blockers: "Waiting on API keys")]));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    public void Ordinals(int number, string expected) => Assert.Equal(expected, PlanCheck.Ordinal(number));
}

using AsyncLead.Features.Decisions;
using AsyncLead.Features.Members;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.Decisions.DecisionTeam;

namespace AsyncLead.Tests.Features.Decisions;

/// <summary>
/// The default deadline ("end of Thursday") never leaves a reviewer under two whole working days in their own zone and
/// hours; otherwise it is the Thursday after, and the form shows it as soon as the reviewers are picked.
/// </summary>
public sealed class DefaultDeadlineTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // Wed 19 Nov 2025, 09:00 in Berlin: Thursday 17:00 Berlin is 11:00 for Bob in New York and long after Carol's day in Kolkata.
    private static readonly DateTimeOffset Wednesday = new(2025, 11, 19, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Monday = new(2025, 11, 17, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThisThursday = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextThursday = new(2025, 11, 27, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task On_wednesday_picking_bob_and_carol_moves_the_default_to_next_thursday_and_the_form_says_why()
    {
        await using var team = await DecisionTeam.StartAsync(database, Wednesday);
        await team.AliceUser.RunsCommandAsync("/decision");
        var form = team.Slack.OpenModalFor(Alice)!;
        Assert.Equal(ThisThursday.ToUnixTimeSeconds(), CreatingDocsTests.Initial(form, "deadline", "initial_date_time"));

        var picked = await team.AliceUser.PicksAsync(form, "decision_reviewers", new[] { Bob, Carol });
        Assert.True(picked.IsSuccess, picked.ToString());
        await team.Scenario.RunJobsAsync();

        form = team.Slack.OpenModalFor(Alice)!;
        Assert.Equal(NextThursday.ToUnixTimeSeconds(), CreatingDocsTests.Initial(form, "deadline", "initial_date_time"));
        Assert.Equal(new DateTimeOffset(2025, 11, 28, 8, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), CreatingDocsTests.Initial(form, "decision_date", "initial_date_time"));
        Assert.Contains(":calendar: Moved to the Thursday after, so that <@U_BOB> and <@U_CAROL> have at least 2 whole working days to answer, in their own hours.",
            ContextTexts(form));

        var saved = await team.AliceUser.SubmitsViewAsync(("Title", "Shard the events table"), ("Problem Statement", "It is 2 TB."));
        Assert.True(saved.IsSuccess && saved.Json is null, saved.ToString());
        await team.Scenario.RunJobsAsync();
        Assert.Contains("Reviewers: <@U_BOB>, <@U_CAROL>", team.Doc().VisibleText);
        Assert.Contains("0/2 responded · due Thu 27 Nov 17:00", team.Doc().VisibleText);
    }

    [Fact]
    public async Task On_monday_this_thursday_leaves_everyone_enough_and_stays()
    {
        await using var team = await DecisionTeam.StartAsync(database, Monday);
        await team.AliceUser.RunsCommandAsync("/decision");

        await team.AliceUser.PicksAsync(team.Slack.OpenModalFor(Alice)!, "decision_reviewers", new[] { Bob, Carol });
        await team.Scenario.RunJobsAsync();

        var form = team.Slack.OpenModalFor(Alice)!;
        Assert.Equal(ThisThursday.ToUnixTimeSeconds(), CreatingDocsTests.Initial(form, "deadline", "initial_date_time"));
        Assert.DoesNotContain(ContextTexts(form), text => text.Contains("Moved to the Thursday after", StringComparison.Ordinal));
    }

    [Fact]
    public void Across_the_spring_change_the_moved_deadline_is_seventeen_hundred_summer_time_and_away_days_do_not_count()
    {
        // Wed 25 Mar 2026, 10:00 in Berlin; Europe moves its clocks on the 29th, New York already did on the 8th.
        var now = new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.Zero);
        var newYork = MemberSchedule.Default("America/New_York");

        var (deadline, movedFor) = DecisionSchedule.DefaultDeadline(now, "Europe/Berlin", [("U_BOB", newYork)]);

        Assert.Equal(new DateTimeOffset(2026, 4, 2, 15, 0, 0, TimeSpan.Zero), deadline);
        Assert.Equal(["U_BOB"], movedFor);
        Assert.Equal(1, newYork.WholeWorkingDaysBetween(now, new DateTimeOffset(2026, 3, 26, 16, 0, 0, TimeSpan.Zero)));

        // On Monday the same week is long enough, unless the reviewer is away on two of its days.
        var monday = new DateTimeOffset(2026, 3, 23, 7, 0, 0, TimeSpan.Zero);
        Assert.Empty(DecisionSchedule.DefaultDeadline(monday, "Europe/Berlin", [("U_BOB", newYork)]).MovedFor);
        Assert.True(MemberSchedule.TryCreate("America/New_York", MemberSchedule.DefaultWorkingHours, [],
            [new AwayPeriod(new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 25))], out var away, out _));
        Assert.Equal(["U_BOB"], DecisionSchedule.DefaultDeadline(monday, "Europe/Berlin", [("U_BOB", away!)]).MovedFor);
    }

    private static string[] ContextTexts(Sandbox.Slack.FakeView view) =>
        [.. view.Blocks.OfType<System.Text.Json.Nodes.JsonObject>().Where(b => b["type"]?.GetValue<string>() == "context")
            .SelectMany(b => b["elements"]!.AsArray().OfType<System.Text.Json.Nodes.JsonObject>()).Select(e => e["text"]!.GetValue<string>())];
}

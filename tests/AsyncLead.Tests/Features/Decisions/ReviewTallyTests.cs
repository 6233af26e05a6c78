using AsyncLead.Features.Decisions;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Decisions;

public sealed class ReviewTallyTests
{
    private static readonly string[] Reviewers = ["U0ANA", "U0BEN", "U0CHO", "U0DEV", "U0EVA"];
    private static readonly DateTimeOffset Deadline = At("2026-11-19T17:00:00+01:00");
    private static readonly DateTimeOffset Monday = At("2026-11-16T09:30:00+01:00");

    [Fact]
    public void Everyone_answered_and_no_open_concern_is_ready_to_decide()
    {
        var tally = ReviewTally.Count(
            Reviewers,
            [Answer("U0ANA", ReviewerAnswer.Approve), Answer("U0BEN", ReviewerAnswer.Abstain), Answer("U0CHO", ReviewerAnswer.Question),
             Answer("U0DEV", ReviewerAnswer.Approve), Answer("U0EVA", ReviewerAnswer.Concern)],
            [new RaisedConcern(7, "U0EVA", "Table bloat?", IsResolved: true)]);

        Assert.Equal(DecisionOutcome.ReadyToDecide, tally.Outcome);
        Assert.Equal(5, tally.RespondedCount);
        Assert.Empty(tally.NonResponders);
        Assert.Empty(tally.OpenConcerns);
    }

    [Fact]
    public void An_open_concern_needs_a_sync()
    {
        var concern = new RaisedConcern(8, "U0EVA", "Table bloat?", IsResolved: false);

        var tally = ReviewTally.Count(Reviewers, Reviewers.Select(r => Answer(r, ReviewerAnswer.Approve)), [concern]);

        Assert.Equal(DecisionOutcome.NeedsSync, tally.Outcome);
        Assert.Equal([concern], tally.OpenConcerns);
    }

    [Fact]
    public void Reviewers_who_did_not_answer_are_listed_in_roster_order()
    {
        var tally = ReviewTally.Count(Reviewers, [Answer("U0BEN", ReviewerAnswer.Approve), Answer("U0DEV", ReviewerAnswer.Abstain)], []);

        Assert.Equal(DecisionOutcome.NeedsSync, tally.Outcome);
        Assert.Equal(["U0ANA", "U0CHO", "U0EVA"], tally.NonResponders);
        Assert.Equal(2, tally.RespondedCount);
    }

    [Fact]
    public void Non_reviewers_answers_and_concerns_do_not_count()
    {
        var tally = ReviewTally.Count(
            ["U0ANA"],
            [Answer("U0ANA", ReviewerAnswer.Approve), Answer("U0ZED", ReviewerAnswer.Approve)],
            [new RaisedConcern(9, "U0ZED", "Why not Kafka?", IsResolved: false)]);

        Assert.Equal(DecisionOutcome.ReadyToDecide, tally.Outcome);
        Assert.Equal(1, tally.ReviewerCount);
    }

    [Fact]
    public void Repeated_answers_and_repeated_reviewers_count_once()
    {
        var tally = ReviewTally.Count(
            ["U0ANA", "U0BEN", "U0ANA"],
            [Answer("U0ANA", ReviewerAnswer.Concern), Answer("U0ANA", ReviewerAnswer.Approve)],
            []);

        Assert.Equal((2, 1), (tally.ReviewerCount, tally.RespondedCount));
        Assert.Equal(["U0BEN"], tally.NonResponders);
    }

    [Fact]
    public void Status_line_counts_answers_open_concerns_and_the_deadline()
    {
        var tally = ReviewTally.Count(
            Reviewers,
            [Answer("U0ANA", ReviewerAnswer.Approve), Answer("U0BEN", ReviewerAnswer.Concern), Answer("U0CHO", ReviewerAnswer.Abstain)],
            [new RaisedConcern(1, "U0BEN", "Cost?", IsResolved: false)]);

        Assert.Equal("3/5 responded · 1 open concern · due Thu 17:00", tally.StatusLine(Deadline, Monday, "Europe/Berlin"));
    }

    [Fact]
    public void Status_line_pluralises_and_omits_zero_concerns()
    {
        var two = ReviewTally.Count(["U0ANA", "U0BEN"], [], [new RaisedConcern(1, "U0ANA", "a", false), new RaisedConcern(2, "U0BEN", "b", false)]);
        var none = ReviewTally.Count(["U0ANA"], [], []);

        Assert.Equal("0/2 responded · 2 open concerns · due Thu 17:00", two.StatusLine(Deadline, Monday, "Europe/Berlin"));
        Assert.Equal("0/1 responded · due Thu 17:00", none.StatusLine(Deadline, Monday, "Europe/Berlin"));
    }

    [Theory]
    [InlineData("Pacific/Honolulu", "due Thu 06:00")]
    [InlineData("Asia/Kolkata", "due Thu 21:30")]
    [InlineData("Pacific/Kiritimati", "due Fri 06:00")]
    public void Status_line_shows_the_deadline_in_the_given_zone(string zone, string due)
    {
        var line = ReviewTally.Count(["U0ANA"], [], []).StatusLine(Deadline, Monday, zone);

        Assert.EndsWith(due, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_line_adds_the_date_a_week_or_more_out_and_says_closed_after_the_deadline()
    {
        var tally = ReviewTally.Count(["U0ANA"], [Answer("U0ANA", ReviewerAnswer.Approve)], []);

        Assert.Equal("1/1 responded · due Thu 3 Dec 17:00", tally.StatusLine(At("2026-12-03T17:00:00+01:00"), Monday, "Europe/Berlin"));
        Assert.Equal("1/1 responded · due Sun 22 Nov 17:00", tally.StatusLine(At("2026-11-22T17:00:00+01:00"), At("2026-11-15T09:00:00+01:00"), "Europe/Berlin"));
        Assert.Equal("1/1 responded · closed Thu 17:00", tally.StatusLine(Deadline, Deadline, "Europe/Berlin"));
    }

    private static ReviewerResponse Answer(string reviewer, ReviewerAnswer answer) => new(reviewer, answer);
}

using AsyncLead.Features.Decisions;
using static AsyncLead.Tests.Features.Members.Schedules;

namespace AsyncLead.Tests.Features.Decisions;

public sealed class DecisionScheduleTests
{
    private static readonly DateTimeOffset Thursday = At("2026-11-19T17:00:00+01:00");
    private static readonly DateTimeOffset Monday = At("2026-11-16T09:30:00+01:00");

    [Theory]
    [InlineData("2026-11-16T10:00:00+01:00", "2026-11-19T17:00:00+01:00")] // Monday: this Thursday
    [InlineData("2026-11-19T15:59:00+01:00", "2026-11-19T17:00:00+01:00")] // 61 minutes ahead
    [InlineData("2026-11-19T16:00:00+01:00", "2026-11-19T17:00:00+01:00")] // exactly an hour is enough
    [InlineData("2026-11-19T16:01:00+01:00", "2026-11-26T17:00:00+01:00")] // under an hour: next week
    [InlineData("2026-11-20T09:00:00+01:00", "2026-11-26T17:00:00+01:00")] // Friday
    [InlineData("2026-11-22T23:00:00+01:00", "2026-11-26T17:00:00+01:00")] // Sunday ends the ISO week
    public void Default_deadline_is_end_of_day_thursday_at_least_an_hour_ahead(string now, string expected)
    {
        var deadline = DecisionSchedule.DefaultDeadline(At(now), "Europe/Berlin");

        Assert.Equal(At(expected), deadline);
        Assert.Empty(DecisionSchedule.Validate(deadline, deadline, At(now)));
    }

    [Fact]
    public void Default_deadline_after_spring_forward_is_seventeen_hundred_summer_time()
    {
        Assert.Equal(At("2026-04-02T15:00:00Z"), DecisionSchedule.DefaultDeadline(At("2026-03-27T12:00:00+01:00"), "Europe/Berlin"));
    }

    [Fact]
    public void Default_deadline_follows_the_authors_zone()
    {
        // Thursday 06:00 UTC: still Wednesday evening in Honolulu, already Thursday evening in Auckland.
        var now = At("2026-11-19T06:00:00Z");

        Assert.Equal(At("2026-11-19T17:00:00-10:00"), DecisionSchedule.DefaultDeadline(now, "Pacific/Honolulu"));
        Assert.Equal(At("2026-11-26T17:00:00+13:00"), DecisionSchedule.DefaultDeadline(now, "Pacific/Auckland"));
    }

    [Theory]
    [InlineData("2026-11-19T17:00:00+01:00", "2026-11-20T09:00:00+01:00")] // Thursday evening: Friday morning
    [InlineData("2026-11-19T08:00:00+01:00", "2026-11-20T09:00:00+01:00")] // always the next calendar morning
    [InlineData("2026-11-20T17:00:00+01:00", "2026-11-23T09:00:00+01:00")] // Friday: Monday
    [InlineData("2026-11-21T12:00:00+01:00", "2026-11-23T09:00:00+01:00")] // Saturday: Monday
    [InlineData("2026-03-27T17:00:00+01:00", "2026-03-30T09:00:00+02:00")] // across spring forward
    public void Default_decision_date_is_the_next_weekday_morning(string deadline, string expected)
    {
        Assert.Equal(At(expected), DecisionSchedule.DefaultDecisionDate(At(deadline), "Europe/Berlin"));
    }

    [Fact]
    public void A_deadline_in_the_past_is_a_field_error()
    {
        var errors = DecisionSchedule.Validate(Monday.AddMinutes(-1), Thursday, Monday);

        Assert.Equal([new DecisionFieldError(DecisionField.ResponseDeadline, "The response deadline is in the past.")], errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(59)]
    public void A_deadline_under_an_hour_away_is_a_field_error(int minutesAhead)
    {
        var errors = DecisionSchedule.Validate(Monday.AddMinutes(minutesAhead), Thursday, Monday);

        var error = Assert.Single(errors);
        Assert.Equal(DecisionField.ResponseDeadline, error.Field);
        Assert.Equal(
            minutesAhead == 0 ? "The response deadline is in the past." : "The response deadline must be at least an hour from now, so reviewers can answer.",
            error.Message);
    }

    [Fact]
    public void A_decision_date_before_the_deadline_is_a_field_error()
    {
        var errors = DecisionSchedule.Validate(Thursday, Thursday.AddMinutes(-1), Monday);

        Assert.Equal([new DecisionFieldError(DecisionField.DecisionDate, "The decision date can't be before the response deadline.")], errors);
        Assert.Empty(DecisionSchedule.Validate(Thursday, Thursday, Monday));
    }

    [Fact]
    public void Both_fields_can_be_wrong_at_once()
    {
        var errors = DecisionSchedule.Validate(Monday.AddHours(-2), Monday.AddHours(-3), Monday);

        Assert.Equal([DecisionField.ResponseDeadline, DecisionField.DecisionDate], errors.Select(e => e.Field));
    }

    [Fact]
    public void An_extension_must_move_the_deadline_later_and_stay_an_hour_ahead()
    {
        var now = At("2026-11-19T16:30:00+01:00");

        Assert.Equal(
            "An extension must be later than the current deadline.",
            Assert.Single(DecisionSchedule.ValidateExtension(Thursday, Thursday, now)).Message);
        Assert.Single(DecisionSchedule.ValidateExtension(Thursday, Thursday.AddHours(-1), now));
        Assert.Equal(
            DecisionField.ResponseDeadline,
            Assert.Single(DecisionSchedule.ValidateExtension(Thursday, Thursday.AddMinutes(20), now)).Field); // 50 minutes from now
        Assert.Empty(DecisionSchedule.ValidateExtension(Thursday, Thursday.AddDays(1), now));
    }

    [Fact]
    public void Default_reminders_are_a_day_and_two_hours_before_inside_working_hours()
    {
        var reminders = DecisionSchedule.PlanReminders(Thursday, Monday, Create("Europe/Berlin"));

        Assert.Equal(
            [new DecisionReminder(TimeSpan.FromHours(24), At("2026-11-18T16:59:00+01:00")), new DecisionReminder(TimeSpan.FromHours(2), At("2026-11-19T15:00:00+01:00"))],
            reminders);
    }

    [Fact]
    public void Reminders_step_around_a_reviewers_focus_block()
    {
        var reviewer = Create("Europe/Berlin", focus: Times("14:00", "16:00", DayOfWeek.Thursday));

        var reminders = DecisionSchedule.PlanReminders(Thursday, Monday, reviewer);

        Assert.Equal(At("2026-11-19T13:59:00+01:00"), reminders.Single(r => r.Before == TimeSpan.FromHours(2)).At);
    }

    [Fact]
    public void A_reviewer_across_the_date_line_is_reminded_in_their_working_hours_before_the_deadline()
    {
        // The deadline is Thursday 06:00 in Honolulu.
        var reminders = DecisionSchedule.PlanReminders(Thursday, Monday, Create("Pacific/Honolulu"));

        Assert.Equal([At("2026-11-17T16:59:00-10:00"), At("2026-11-18T16:59:00-10:00")], reminders.Select(r => r.At));
        Assert.All(reminders, r => Assert.True(r.At < Thursday));
    }

    [Fact]
    public void Reminders_whose_moment_has_passed_are_skipped()
    {
        var createdLate = At("2026-11-18T21:00:00+01:00"); // 20 hours before the deadline

        var reminders = DecisionSchedule.PlanReminders(Thursday, createdLate, Create("Europe/Berlin"));

        Assert.Equal([new DecisionReminder(TimeSpan.FromHours(2), At("2026-11-19T15:00:00+01:00"))], reminders);
    }

    [Fact]
    public void Reminders_that_land_on_the_same_minute_are_sent_once()
    {
        // Deadline Monday 09:30 after spring forward: both targets fall outside hours and move back to Friday 16:59 CET.
        var reminders = DecisionSchedule.PlanReminders(
            At("2026-03-30T09:30:00+02:00"), At("2026-03-25T12:00:00+01:00"), Create("Europe/Berlin"));

        Assert.Equal([new DecisionReminder(TimeSpan.FromHours(24), At("2026-03-27T15:59:00Z"))], reminders);
    }

    [Fact]
    public void An_away_reviewer_is_reminded_before_leaving()
    {
        var reviewer = Create("Europe/Berlin", away: [Away("2026-11-18", "2026-11-19")]);

        var reminders = DecisionSchedule.PlanReminders(Thursday, Monday, reviewer);

        Assert.Equal([new DecisionReminder(TimeSpan.FromHours(24), At("2026-11-17T16:59:00+01:00"))], reminders);
    }

    [Fact]
    public void Custom_offsets_are_planned_earliest_first()
    {
        var reminders = DecisionSchedule.PlanReminders(
            Thursday, Monday, Create("Europe/Berlin"), [TimeSpan.FromHours(1), TimeSpan.FromHours(48)]);

        Assert.Equal([TimeSpan.FromHours(48), TimeSpan.FromHours(1)], reminders.Select(r => r.Before));
        Assert.Equal([At("2026-11-17T16:59:00+01:00"), At("2026-11-19T16:00:00+01:00")], reminders.Select(r => r.At));
    }
}

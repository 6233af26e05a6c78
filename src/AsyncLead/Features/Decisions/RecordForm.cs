using AsyncLead.Features.Members;
using AsyncLead.Slack.Payloads;
using NodaTime;

namespace AsyncLead.Features.Decisions;

/// <summary>The record modal read back: the decision as recorded, and the errors of its own fields.</summary>
public sealed record RecordForm(RecordedDecision Decision, Dictionary<string, string> Errors)
{
    /// <summary>Reads the form; dates are days in <paramref name="zone"/> (the author's), where "today" is <paramref name="now"/>'s day.</summary>
    public static RecordForm Read(ViewState state, DateTimeOffset now, string zone)
    {
        string Text(string id) => state.Find(id, id)?.Value?.Trim() ?? "";

        var today = Today(now, zone);
        var errors = new Dictionary<string, string>();
        var option = Text(DecisionModals.Option);
        if (option.Length == 0)
        {
            errors[DecisionModals.Option] = "Name the option you chose.";
        }

        var revisit = Day(state.Find(DecisionModals.Revisit, DecisionModals.Revisit)?.SelectedDate);
        if (revisit < today)
        {
            errors[DecisionModals.Revisit] = "Pick a day from today on: this one has passed.";
        }

        var followUps = new List<DecisionFollowUp>();
        for (var row = 1; row <= DecisionModals.FollowUpRows; row++)
        {
            var (textId, ownerId, dueId) = DecisionModals.FollowUpIds(row);
            var text = Text(textId);
            var owner = state.Find(ownerId, ownerId)?.SelectedUser;
            var due = Day(state.Find(dueId, dueId)?.SelectedDate);
            if (text.Length == 0 && owner is null && due is null)
            {
                continue;
            }

            if (text.Length == 0)
            {
                errors[textId] = "Say what is to be done, or clear this follow-up's owner and date.";
            }
            else if (owner is null)
            {
                errors[ownerId] = "Pick who does it: it lands in their next weekly update.";
            }
            else if (due is null)
            {
                errors[dueId] = "Pick when it is due.";
            }
            else if (due < today)
            {
                errors[dueId] = "Pick a day from today on: this one has passed.";
            }
            else
            {
                followUps.Add(new DecisionFollowUp(owner, text, due.Value));
            }
        }

        return new RecordForm(new RecordedDecision(option, Text(DecisionModals.Rationale), revisit, followUps), errors);
    }

    /// <summary>The day it is at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, string zone) =>
        Instant.FromDateTimeOffset(now).InZone(TimeZoneIds.Resolve(zone)).Date.ToDateOnly();

    private static DateOnly? Day(string? picked) =>
        DateOnly.TryParseExact(picked, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : null;
}

using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Home;

/// <summary>
/// Working hours and focus blocks, written as <c>/weekly-update settings</c> accepts them ("Mon-Fri 09:00-17:00").
/// Each field is checked by <see cref="MemberSettingsParser"/> and the schedule as a whole by <see cref="MemberSchedule"/>;
/// a problem is shown on the field it comes from. Saving refreshes the Home tab (<see cref="MemberDirectory.SaveScheduleAsync"/>).
/// </summary>
public sealed class ScheduleModal(MemberDirectory directory, TimeProvider clock) : IViewSubmissionHandler
{
    public const string Id = "home_schedule";
    public const string HoursBlock = "hours";
    public const string FocusBlock = "focus";
    private const string ValueAction = "value";

    /// <summary>A field is read as <c>hours …</c> / <c>focus …</c> (six characters more), within the parser's limit.</summary>
    public const int FieldMaxLength = MemberSettingsParser.MaxLength - 6;

    public const string ZoneNotKnownYet = "I don't know your Slack time zone yet, so nothing was saved. I'm asking Slack now: press Save again in a moment.";

    public string CallbackId => Id;

    public static ModalView Build(MemberSchedule schedule)
    {
        var described = MemberSettingsParser.Describe(schedule);
        string Current(string keyword) => described.First(line => line.StartsWith(keyword + " ", StringComparison.Ordinal))[(keyword.Length + 1)..];
        var focus = schedule.FocusBlocks.Count == 0 ? null : Current(FocusBlock);
        return new ModalView(new PlainText("Your working time"),
        [
            Blocks.Context($"Times are in your Slack time zone, {MrkdwnEscaping.Escape(schedule.TimeZoneId)}. Reminders arrive only inside working hours and outside focus blocks."),
            Blocks.Input(HoursBlock, "Working hours", new PlainTextInputElement(ValueAction) { InitialValue = Current(HoursBlock), MaxLength = FieldMaxLength },
                hint: "Days and times, e.g. Mon-Fri 09:00-17:00, or several: Mon-Thu 08:30-16:30, Fri 08:30-13:00"),
            Blocks.Input(FocusBlock, "Focus blocks", new PlainTextInputElement(ValueAction) { InitialValue = focus, MaxLength = FieldMaxLength }, optional: true,
                hint: "No reminders during these, e.g. Tue-Thu 09:00-12:00. Leave empty for none."),
            Blocks.Context("Away days: `/weekly-update away next week`, `/weekly-update away 2026-11-23..2026-11-27`."),
        ])
        {
            CallbackId = Id,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
        };
    }

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        if (context.TeamId is not { } workspaceId || context.UserId is not { } userId)
        {
            return SlackAck.Empty;
        }

        // The member as stored: opening the form from Home learned their zone. Without it nothing is saved and Slack is
        // asked after the ack, so the same submit works a moment later; the modal keeps what was typed.
        if (await directory.KnownAsync(workspaceId, userId, ct) is not { } member)
        {
            return SlackAck.AckThen(Error(HoursBlock, ZoneNotKnownYet), async followUpCt =>
            {
                await directory.GetAsync(workspaceId, userId, followUpCt);
                return null;
            });
        }

        var today = member.Schedule.LocalDateAt(clock.GetUtcNow());
        var hours = submission.View.State.Find(HoursBlock, ValueAction)?.Value?.Trim() ?? "";
        var focus = submission.View.State.Find(FocusBlock, ValueAction)?.Value?.Trim() is { Length: > 0 } typed ? typed : "none";

        var schedule = member.Schedule;
        foreach (var (block, text) in new[] { (HoursBlock, $"{HoursBlock} {hours}"), (FocusBlock, $"{FocusBlock} {focus}") })
        {
            if (!MemberSettingsParser.TryParse(text, today, out var change, out var error))
            {
                return Error(block, error);
            }

            if (!change.TryApply(schedule, out var updated, out var errors))
            {
                return Error(block, string.Join(" ", errors));
            }

            schedule = updated;
        }

        await directory.SaveScheduleAsync(workspaceId, userId, schedule, ct);
        return SlackAck.Empty;
    }

    private static SlackAck Error(string block, string message) =>
        SlackAck.ViewErrors(new Dictionary<string, string> { [block] = message });
}

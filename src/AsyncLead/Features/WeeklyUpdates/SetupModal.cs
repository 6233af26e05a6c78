using System.Globalization;
using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// <c>/weekly-update setup</c>: when the channel is prompted, in which zone, who writes, how they are reminded, who
/// gets the digest and who leads. Saving schedules the next prompt (replacing any earlier schedule), the current week's
/// close, and the recipients' digests. Once a team exists its setup belongs to its lead and the workspace's admins and
/// owners: anyone else sees it read-only, and handing the lead role over is the Lead field.
/// </summary>
public sealed class SetupModal(TeamStore teams, JobQueue queue, NpgsqlDataSource dataSource, TimeProvider clock) : IViewSubmissionHandler
{
    public const string Id = "weekly_setup";
    public const int DefaultStandupMinutes = 15;

    private const string Value = "value";
    private const string Everyone = "everyone";
    private const string Chosen = "chosen";
    private const string Lead = "lead";
    private const string AdminMark = "admin";
    private const string StatusAway = "status_away";

    private static readonly DayOfWeek[] Days =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly Option[] ExpectOptions =
    [
        Option.Plain("Everyone in the channel (people only, bots are skipped)", Everyone),
        Option.Plain("Only the people I choose below", Chosen),
    ];

    private static readonly Option[] ReminderOptions =
    [
        Option.Plain("One working day after the prompt, then the next morning", TeamChannel.StoredCadence(ReminderChoice.Default)),
        Option.Plain("Once, one working day after the prompt", TeamChannel.StoredCadence(ReminderChoice.FirstOnly)),
        Option.Plain("No reminders", TeamChannel.StoredCadence(ReminderChoice.None)),
    ];

    private static readonly Option StatusAwayOption =
        Option.Plain("A Slack status saying someone is out (🌴, OOO, vacation, out of office) marks them away", StatusAway);

    public string CallbackId => Id;

    /// <summary>The settings a new team starts with: Friday 10:00 in the lead's zone, everyone, default reminders, digest to the lead.</summary>
    public static TeamChannel Defaults(string workspaceId, string channelId, string channelName, string leadUserId, string leadTimeZone) =>
        new(0, workspaceId, channelId, channelName, leadTimeZone, TeamCalendar.DefaultPrompt, TeamCalendar.DefaultClose,
            ReminderChoice.Default, ExpectEveryone: true, [], leadUserId, [leadUserId], DefaultStandupMinutes);

    /// <summary>
    /// The setup form as <paramref name="userId"/> may see it: editable for a new team, for its lead, or for a workspace
    /// admin or owner (asked of Slack: this runs after the ack); read-only for anyone else.
    /// </summary>
    public static async Task<ModalView> ForAsync(ISlackClient slack, TeamChannel current, bool exists, string userId, CancellationToken ct)
    {
        if (!exists || current.LeadUserId == userId)
        {
            return Build(current);
        }

        var user = await slack.ForWorkspace(current.WorkspaceId).Users.InfoAsync(userId, ct);
        return user.IsAdmin || user.IsOwner ? Build(current, openedByAdmin: true) : ReadOnly(current);
    }

    /// <summary>The settings as they are, with who can change them; no Save.</summary>
    public static ModalView ReadOnly(TeamChannel current) =>
        new(new PlainText("Weekly updates setup"),
        [
            Blocks.Section($"Weekly updates for <#{current.ChannelId}>. {WeeklyTexts.OnlyLeadChangesSetup(current.LeadUserId)}{WeeklyTexts.StoppedNote(current)}"),
            Blocks.Fields(
                $"*Prompt*\n{current.Prompt.Day} {current.Prompt.Time:HH\\:mm} ({current.TimeZone})",
                $"*Week closes*\n{current.Close.Day} {current.Close.Time:HH\\:mm}",
                $"*Who writes*\n{(current.ExpectEveryone ? "Everyone in the channel" : string.Join(", ", current.ChosenMembers.Select(m => $"<@{m}>")))}",
                $"*Reminders*\n{ReminderOptions.Single(o => o.Value == TeamChannel.StoredCadence(current.Reminders)).Text.Text}",
                $"*Digest to*\n{string.Join(", ", current.DigestRecipients.Select(m => $"<@{m}>"))}",
                $"*Lead*\n<@{current.LeadUserId}>",
                $"*Away by Slack status*\n{(current.StatusMeansAway ? "Yes" : "No")}"),
        ])
        {
            CallbackId = Id,
            Close = new PlainText("Close"),
        };

    public static ModalView Build(TeamChannel current, bool openedByAdmin = false)
    {
        var dayOptions = Days.Select(day => Option.Plain(day.ToString(), ((int)day).ToString(CultureInfo.InvariantCulture))).ToArray();
        return new ModalView(new PlainText("Weekly updates setup"),
        [
            Blocks.Section($"Weekly updates for <#{current.ChannelId}>: one thread a week, one reply per person.{WeeklyTexts.StoppedNote(current)}"),
            Blocks.Input("prompt_day", "Prompt day", new StaticSelectElement(Value, dayOptions)
            {
                InitialOption = dayOptions[Array.IndexOf(Days, current.Prompt.Day)],
            }),
            Blocks.Input("prompt_time", "Prompt time", new TimePickerElement(Value) { InitialTime = current.Prompt.Time }),
            Blocks.Input("close_day", "Week closes on", new StaticSelectElement(Value, dayOptions)
            {
                InitialOption = dayOptions[Array.IndexOf(Days, current.Close.Day)],
            }, hint: "In the week after the prompt, with a summary in the thread; at the latest when the next prompt goes out."),
            Blocks.Input("close_time", "Week closes at", new TimePickerElement(Value) { InitialTime = current.Close.Time }),
            Blocks.Input("time_zone", "Team time zone", ZoneSelect(current.TimeZone),
                hint: "Prompt and close times are in this zone; everyone's reminders follow their own."),
            Blocks.Input("expected", "Who is expected to write", new RadioButtonsElement(Value, ExpectOptions)
            {
                InitialOption = ExpectOptions[current.ExpectEveryone ? 0 : 1],
            }, hint: "Others may still write; only expected people are reminded."),
            Blocks.Input("members", "Chosen people", new MultiUsersSelectElement(Value)
            {
                InitialUsers = current.ChosenMembers.Count == 0 ? null : current.ChosenMembers,
            }, optional: true),
            Blocks.Input("reminders", "Reminders", new StaticSelectElement(Value, ReminderOptions)
            {
                InitialOption = ReminderOptions.Single(o => o.Value == TeamChannel.StoredCadence(current.Reminders)),
            }, hint: "Each reminder arrives inside the person's working hours and outside their focus blocks, in their own time zone."),
            Blocks.Input(StatusAway, "Away", new CheckboxesElement(Value, [StatusAwayOption])
            {
                InitialOptions = current.StatusMeansAway ? [StatusAwayOption] : null,
            }, optional: true, hint: "Until the status clears (or its expiry) they get no prompt or reminders, and a week it covers shows them as away."),
            Blocks.Input("digest", "Digest recipients", new MultiUsersSelectElement(Value) { InitialUsers = current.DigestRecipients }),
            Blocks.Input("standup", "Stand-up minutes per day", new PlainTextInputElement(Value)
            {
                InitialValue = current.StandupMinutes.ToString(CultureInfo.InvariantCulture),
                MaxLength = 3,
            }, hint: "How long your stand-up took, to show the time saved."),
            Blocks.Input(Lead, "Lead", new UsersSelectElement(Value) { InitialUser = current.LeadUserId },
                hint: "The lead owns this setup (with the workspace's admins). Pick someone else to hand the role over."),
        ])
        {
            CallbackId = Id,
            // Slack hands private_metadata back untouched, so whether the opener was an admin needn't be asked again on the ack path.
            PrivateMetadata = current.ChannelId + "|" + (openedByAdmin ? AdminMark : "") + "|" + current.ChannelName,
            Submit = new PlainText("Save"),
            Close = new PlainText("Cancel"),
        };
    }

    /// <summary>The IANA zones grouped by region, the team's own zone chosen (kept in a group of its own if it is none of them).</summary>
    private static GroupedStaticSelectElement ZoneSelect(string currentZone)
    {
        var groups = TimeZoneChoices.Groups
            .Select(group => new OptionGroup(new PlainText(group.Label), [.. group.ZoneIds.Select(ZoneOption)]))
            .ToList();
        var initial = groups.SelectMany(g => g.Options).FirstOrDefault(o => o.Value == currentZone);
        if (initial is null && TimeZoneIds.IsKnown(currentZone))
        {
            initial = Option.Plain(currentZone, currentZone);
            groups.Insert(0, new OptionGroup(new PlainText("Current"), [initial]));
        }

        return new GroupedStaticSelectElement(Value, groups) { InitialOption = initial, Placeholder = new PlainText("Pick the team's time zone") };
    }

    private static Option ZoneOption(string zoneId) => Option.Plain(zoneId == "UTC" ? "UTC" : TimeZoneChoices.Place(zoneId), zoneId);

    /// <summary>Minutes from Monday 00:00 to a day and time of a week.</summary>
    private static int MinutesIntoWeek(WeeklyTime time) => (((int)time.Day + 6) % 7 * 24 * 60) + (time.Time.Hour * 60) + time.Time.Minute;

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        var state = submission.View.State;
        var channel = (submission.View.PrivateMetadata ?? "").Split('|', 3);
        if (channel.Length != 3 || context.TeamId is not { } workspaceId || context.UserId is not { } userId)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { ["time_zone"] = "Please run `/weekly-update setup` again in the team channel." });
        }

        // Checked again here: the form may have been opened before the lead role moved on.
        var existing = await teams.FindByChannelAsync(workspaceId, channel[0], ct);
        if (existing is not null && existing.LeadUserId != userId && channel[1] != AdminMark)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { [Lead] = WeeklyTexts.OnlyLeadChangesSetup(existing.LeadUserId) });
        }

        var leadUserId = state.Find(Lead, Value)?.SelectedUser ?? existing?.LeadUserId ?? userId;
        var errors = new Dictionary<string, string>();
        var zone = state.Find("time_zone", Value)?.SelectedOption?.Value ?? "";
        if (!TimeZoneIds.IsKnown(zone))
        {
            errors["time_zone"] = "Pick the team's time zone from the list.";
        }

        var day = int.TryParse(state.Find("prompt_day", Value)?.SelectedOption?.Value, CultureInfo.InvariantCulture, out var d) ? (DayOfWeek)d : TeamCalendar.DefaultPrompt.Day;
        var time = TimeOnly.TryParseExact(state.Find("prompt_time", Value)?.SelectedTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : TeamCalendar.DefaultPrompt.Time;
        var closeDay = int.TryParse(state.Find("close_day", Value)?.SelectedOption?.Value, CultureInfo.InvariantCulture, out var cd)
            ? (DayOfWeek)cd : TeamCalendar.DefaultClose.Day;
        var closeTime = TimeOnly.TryParseExact(state.Find("close_time", Value)?.SelectedTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ct2)
            ? ct2 : TeamCalendar.DefaultClose.Time;
        var prompt = new WeeklyTime(day, time);
        var close = new WeeklyTime(closeDay, closeTime);
        // A week closes in the week after its prompt; closing after that week's own prompt would leave two weeks open.
        if (MinutesIntoWeek(close) > MinutesIntoWeek(prompt))
        {
            errors["close_day"] = $"The week has to close by the next week's prompt ({prompt}). Pick an earlier day or time, or a later prompt.";
        }

        var everyone = state.Find("expected", Value)?.SelectedOption?.Value != Chosen;
        var members = state.Find("members", Value)?.SelectedUsers ?? [];
        if (!everyone && members.Count == 0)
        {
            errors["members"] = "Pick at least one person, or choose \"Everyone in the channel\".";
        }

        if (!int.TryParse(state.Find("standup", Value)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var standup) || standup > 240)
        {
            errors["standup"] = "Enter whole minutes from 0 to 240, e.g. 15.";
        }

        if (errors.Count > 0)
        {
            return SlackAck.ViewErrors(errors);
        }

        var digest = state.Find("digest", Value)?.SelectedUsers is { Count: > 0 } chosenDigest ? chosenDigest : [leadUserId];
        var team = Defaults(workspaceId, channel[0], channel[2], leadUserId, zone) with
        {
            Prompt = prompt,
            Close = close,
            Reminders = TeamChannel.ParseCadence(state.Find("reminders", Value)?.SelectedOption?.Value ?? ""),
            ExpectEveryone = everyone,
            ChosenMembers = everyone ? [] : members,
            DigestRecipients = digest,
            StandupMinutes = standup,
            StatusMeansAway = state.Find(StatusAway, Value)?.SelectedOptions?.Any(o => o.Value == StatusAway) == true,
        };

        var now = clock.GetUtcNow();
        var calendar = team.Calendar;
        var firstWeek = calendar.NextPromptWeek(now);
        var reportingWeek = calendar.ReportingWeekAt(now);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var teamId = await TeamStore.SaveAsync(connection, transaction, team, now, ct);
        await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Prompt(team.WorkspaceId, teamId, firstWeek.Monday, calendar.PromptAt(firstWeek)), ct);
        await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Close(team.WorkspaceId, teamId, reportingWeek.Monday, calendar.ClosesAt(reportingWeek)), ct);
        await queue.EnqueueAsync(connection, transaction, DigestPlan.Request(team.WorkspaceId, teamId), ct);
        await queue.EnqueueAsync(connection, transaction, ChannelNameJob.Request(team.WorkspaceId, team.ChannelId), ct);
        await queue.EnqueueAsync(connection, transaction,
            new Notice(workspaceId, userId, WeeklyTexts.SetupSaved(team, calendar.PromptAt(firstWeek))) { Channel = team.ChannelId }.Request(), ct);
        await transaction.CommitAsync(ct);
        return SlackAck.Empty;
    }
}

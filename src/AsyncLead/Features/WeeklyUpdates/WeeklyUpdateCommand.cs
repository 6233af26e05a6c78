using AsyncLead.Features.Members;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// <c>/weekly-update</c> and its sub-commands. The ack path only reads, validates and writes one short transaction,
/// from what we know already; a form opens right after the ack (views.open with the trigger_id), and Slack facts we
/// don't know yet are fetched then too. Posting into the thread is a job.
/// </summary>
public sealed class WeeklyUpdateCommand(
    TeamStore teams,
    UpdateStore updates,
    UpdateSubmissions submissions,
    InlineDrafts drafts,
    MemberDirectory directory,
    ChannelAccess channels,
    WeekAttendance attendance,
    BotChannelMembership membership,
    LateFiling lateFiling,
    IEnumerable<IWeeklyUpdateSubcommand> subcommands,
    PageLinks links,
    ISlackClient slack,
    TimeProvider clock) : ISlashCommandHandler
{
    private readonly Dictionary<string, IWeeklyUpdateSubcommand> _subcommands = subcommands.ToDictionary(s => s.Word, StringComparer.Ordinal);

    public string Command => WeeklyTexts.Command;

    public async Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        var text = command.Text.Trim();
        var split = text.IndexOfAny([' ', '\n', '\t']);
        var word = (split < 0 ? text : text[..split]).ToLowerInvariant();
        var rest = split < 0 ? "" : text[(split + 1)..].Trim();
        return word switch
        {
            "" => await OpenFormAsync(command, ct),
            "help" => SlackAck.Ephemeral(WeeklyTexts.Usage),
            "setup" => await OpenSetupAsync(command, ct),
            "status" => await StatusAsync(command, ct),
            "settings" => await SettingsAsync(command, rest, ct),
            "away" => await SettingsAsync(command, text, ct),
            _ when _subcommands.TryGetValue(word, out var subcommand) => await subcommand.HandleAsync(command, rest, ct),
            // One word that is no sub-command is most likely a typo ("stauts"), not an update.
            _ when rest.Length == 0 && !text.Contains(':', StringComparison.Ordinal) => SlackAck.Ephemeral(WeeklyTexts.UnknownSubcommand(word)),
            _ => await SubmitInlineAsync(command, text, ct),
        };
    }

    private async Task<SlackAck> OpenFormAsync(SlashCommand command, CancellationToken ct)
    {
        var (team, refusal) = await TeamForAsync(command, ct);
        if (team is null)
        {
            return refusal!;
        }

        // Only a known yes skips asking: a no is checked again after the ack, in case the bot has just been invited.
        var known = await membership.KnownAsync(team.WorkspaceId, team.ChannelId, ct);
        var week = team.Calendar.ReportingWeekAt(clock.GetUtcNow());
        if (await lateFiling.OfferAsync(team, command.UserId, week, inlineText: null, ct) is { } offer)
        {
            return offer;
        }

        var initial = await updates.FormDraftAsync(team, command.UserId, week.Monday, ct);
        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            if (known is not true && !await BotIsMemberAsync(team, followUpCt))
            {
                return SlackAck.Ephemeral(WeeklyTexts.InviteMe);
            }

            await slack.ForWorkspace(team.WorkspaceId).Views.OpenAsync(command.TriggerId!, UpdateModal.Build(team, week, initial), followUpCt);
            return null;
        }, WeeklyTexts.FormDidNotOpen);
    }

    /// <summary>Opens the form for a week: the update so far, or else last week's "Next Week" as this week's In Progress.</summary>
    internal static async Task OpenUpdateFormAsync(ISlackClient slack, UpdateStore updates, TeamChannel team, string userId, TeamWeek week,
        string triggerId, CancellationToken ct)
    {
        var initial = await updates.FormDraftAsync(team, userId, week.Monday, ct);
        await slack.ForWorkspace(team.WorkspaceId).Views.OpenAsync(triggerId, UpdateModal.Build(team, week, initial), ct);
    }

    private async Task<SlackAck> SubmitInlineAsync(SlashCommand command, string text, CancellationToken ct)
    {
        if (text.Length > WeeklyTexts.MaxInlineLength)
        {
            return SlackAck.Ephemeral(WeeklyTexts.InlineTooLong(text.Length));
        }

        var (team, refusal) = await TeamForAsync(command, ct, inline: true);
        if (team is null)
        {
            return refusal!;
        }

        var sections = WeeklyUpdateParser.Parse(text, out var labelled);
        if (sections.IsEmpty)
        {
            return SlackAck.Ephemeral(WeeklyTexts.Empty);
        }

        var known = await membership.KnownAsync(team.WorkspaceId, team.ChannelId, ct);
        if (known is false)
        {
            return SlackAck.Ephemeral(WeeklyTexts.InviteMe);
        }

        var week = team.Calendar.ReportingWeekAt(clock.GetUtcNow());
        if (await lateFiling.OfferAsync(team, command.UserId, week, text, ct) is { } offer)
        {
            return offer;
        }

        var existing = await updates.FindUpdateAsync(team.Id, week.Monday, command.UserId, ct);
        MessageAck answer;
        if (!labelled)
        {
            // A sentence with no label ("out sick today") may be no update at all: it waits for the person's say-so.
            var draftId = await drafts.AddAsync(team, command.UserId, week.Monday, text, ct);
            answer = InlinePreview.Build(team, week, draftId, text, hasUpdate: existing is not null);
        }
        else if (existing is not null)
        {
            // A second update of the week: replacing it silently would drop what the first one said, its blockers too.
            if (UpdateMerge.SameUpdate(existing.Sections, sections))
            {
                return SlackAck.Ephemeral(WeeklyTexts.NothingNew(week));
            }

            var draftId = await drafts.AddAsync(team, command.UserId, week.Monday, text, ct);
            answer = InlineQuestion.Build(week, draftId, existing, sections, await updates.OpenBlockersOfUpdateAsync(existing, ct));
        }
        else
        {
            var result = await submissions.SaveAsync(team, command.UserId, week, sections, keepNotes: false, ct);
            answer = SlackAck.Ephemeral(WeeklyTexts.Saved(team, week, result.Replaced, result.IsLate));
        }

        // First sight of the channel: saved (or previewed) either way (the post tells the author if the bot is missing),
        // and learned after the ack for next time.
        return known is true ? answer : SlackAck.AckThen(answer, async followUpCt =>
        {
            await BotIsMemberAsync(team, followUpCt);
            return null;
        });
    }

    private async Task<SlackAck> OpenSetupAsync(SlashCommand command, CancellationToken ct)
    {
        if (IsDirectMessage(command))
        {
            return SlackAck.Ephemeral(WeeklyTexts.SetupInDm);
        }

        var known = await membership.KnownAsync(command.TeamId, command.ChannelId, ct);
        var existing = await teams.FindByChannelAsync(command.TeamId, command.ChannelId, ct);
        var lead = existing is null ? await directory.KnownAsync(command.TeamId, command.UserId, ct) : null;
        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            // What we don't know yet is asked for side by side, so the trigger_id is exchanged within its 3 s.
            var isMember = known is true ? Task.FromResult(true) : membership.LearnAsync(command.TeamId, command.ChannelId, followUpCt);
            var zone = LeadZoneAsync(followUpCt);
            if (!await isMember)
            {
                return SlackAck.Ephemeral(WeeklyTexts.InviteMe);
            }

            var current = existing ?? SetupModal.Defaults(command.TeamId, command.ChannelId, command.ChannelName ?? command.ChannelId,
                command.UserId, await zone);
            var form = await SetupModal.ForAsync(slack, current, exists: existing is not null, command.UserId, followUpCt);
            await slack.ForWorkspace(command.TeamId).Views.OpenAsync(command.TriggerId!, form, followUpCt);
            return null;

            async Task<string> LeadZoneAsync(CancellationToken zoneCt) =>
                existing is not null ? "" : (lead ?? await directory.GetAsync(command.TeamId, command.UserId, zoneCt)).Schedule.TimeZoneId;
        }, WeeklyTexts.FormDidNotOpen);
    }

    private async Task<SlackAck> StatusAsync(SlashCommand command, CancellationToken ct)
    {
        var here = await teams.FindByChannelAsync(command.TeamId, command.ChannelId, ct);
        if (here is null && !IsDirectMessage(command))
        {
            return SetupButton.Offer(WeeklyTexts.NotSetUp);
        }

        var all = here is null ? await teams.InWorkspaceAsync(command.TeamId, ct) : [];
        if (here is null && all.Count == 0)
        {
            return SlackAck.Ephemeral(WeeklyTexts.NoTeamForDm);
        }

        // Before the prompt, who is expected comes from Slack (the channel's people), so the answer follows the ack;
        // from a DM, so does which team is the person's.
        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            var team = here;
            if (team is null)
            {
                var mine = await OfThePersonAsync(command.TeamId, all, command.UserId, followUpCt);
                if (mine.Count != 1)
                {
                    return SlackAck.Ephemeral(mine.Count == 0 ? WeeklyTexts.InNoTeamForDm : WeeklyTexts.SeveralTeamsForDm(mine));
                }

                team = mine[0];
            }

            var week = team.Calendar.ReportingWeekAt(clock.GetUtcNow());
            var roll = await attendance.ForWeekAsync(team, week, followUpCt);
            return SlackAck.Ephemeral(WeeklyTexts.Status(team, week, [.. roll.Writers], roll.Away, roll.Missing, team.Calendar.ClosesAt(week),
                roll.Figures, links.TeamWeek(team.WorkspaceId, team.ChannelId, week.Monday, command.UserId)));
        }, WeeklyTexts.StatusUnavailable);
    }

    private async Task<SlackAck> SettingsAsync(SlashCommand command, string setting, CancellationToken ct)
    {
        // The member as stored (a stale zone will do); someone never seen before is asked of Slack after the ack.
        if (await directory.KnownAsync(command.TeamId, command.UserId, ct) is { } known)
        {
            return await ApplySettingAsync(command, known, setting, ct);
        }

        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
            await ApplySettingAsync(command, await directory.GetAsync(command.TeamId, command.UserId, followUpCt), setting, followUpCt),
            WeeklyTexts.SettingsNotChanged(setting));
    }

    private async Task<MessageAck> ApplySettingAsync(SlashCommand command, MemberProfile member, string setting, CancellationToken ct)
    {
        var schedule = member.Schedule;
        if (setting.Length == 0)
        {
            return SlackAck.Ephemeral(WeeklyTexts.CurrentSettings(schedule.TimeZoneId, MemberSettingsParser.Describe(schedule)));
        }

        // The parser's messages quote what was typed and are plain text (the Home modal shows them as field errors),
        // so they are escaped on their way into mrkdwn here.
        if (!MemberSettingsParser.TryParse(setting, schedule.LocalDateAt(clock.GetUtcNow()), out var change, out var error))
        {
            return SlackAck.Ephemeral(MrkdwnEscaping.Escape(error));
        }

        if (!change.TryApply(schedule, out var updated, out var errors))
        {
            return SlackAck.Ephemeral(MrkdwnEscaping.Escape(string.Join("\n", errors)));
        }

        await directory.SaveScheduleAsync(command.TeamId, command.UserId, updated, ct);
        var described = MemberSettingsParser.Describe(updated);
        return SlackAck.Ephemeral(change is MemberSettingsChange.AddAwayPeriod or MemberSettingsChange.ClearAwayPeriods
            ? WeeklyTexts.AwaySaved(described)
            : WeeklyTexts.SettingsSaved(described));
    }

    /// <summary>
    /// The team a command is about: its channel's, or from a DM the workspace's only team. A channel that has none is
    /// offered a button to set one up, there and then.
    /// </summary>
    private async Task<(TeamChannel? Team, SlackAck? Refusal)> TeamForAsync(SlashCommand command, CancellationToken ct, bool inline = false)
    {
        if (await teams.FindByChannelAsync(command.TeamId, command.ChannelId, ct) is { } team)
        {
            return (team, null);
        }

        if (!IsDirectMessage(command))
        {
            return (null, SetupButton.Offer(inline ? WeeklyTexts.NotSetUpNothingSaved : WeeklyTexts.NotSetUp));
        }

        var all = await teams.InWorkspaceAsync(command.TeamId, ct);
        return all.Count switch
        {
            1 => (all[0], null),
            0 => (null, SlackAck.Ephemeral(WeeklyTexts.NoTeamForDm)),
            _ => (null, SlackAck.Ephemeral(WeeklyTexts.SeveralTeamsForDm(all))),
        };
    }

    /// <summary>
    /// The teams the person belongs to (after the ack: Slack may be asked who is in a channel): they lead it, get its
    /// digest, wrote this week or are expected to (the week's list, the chosen people, or else the channel's); and
    /// only where they may read the channel, so a private channel shows nothing to anyone outside it.
    /// </summary>
    private async Task<IReadOnlyList<TeamChannel>> OfThePersonAsync(string workspaceId, IReadOnlyList<TeamChannel> all, string userId, CancellationToken ct)
    {
        var belongs = new List<TeamChannel>();
        foreach (var team in all)
        {
            var week = await updates.FindWeekAsync(team.Id, team.Calendar.ReportingWeekAt(clock.GetUtcNow()).Monday, ct);
            if (team.LeadUserId == userId
                || team.DigestRecipients.Contains(userId, StringComparer.Ordinal)
                || (week is not null && await updates.FindUpdateAsync(week.Id, userId, ct) is not null)
                || await IsExpectedAsync(team, week, userId, ct))
            {
                belongs.Add(team);
            }
        }

        var readable = await channels.VisibleNowAsync(workspaceId, userId, belongs.Select(t => t.ChannelId), ct);
        return [.. belongs.Where(t => readable.Contains(t.ChannelId))];
    }

    private async Task<bool> IsExpectedAsync(TeamChannel team, UpdateWeek? week, string userId, CancellationToken ct)
    {
        if (week?.ExpectedUserIds is { } expected)
        {
            return expected.Contains(userId, StringComparer.Ordinal);
        }

        if (!team.ExpectEveryone)
        {
            return team.ChosenMembers.Contains(userId, StringComparer.Ordinal);
        }

        // A channel the bot lost sight of has nobody in it: nobody there can be expected until it is back.
        return await channels.IsMemberAsync(team.WorkspaceId, team.ChannelId, userId, ct);
    }

    /// <summary>
    /// Whether the bot can post in the team's channel, asked of Slack (after the ack). When Slack can't say (down, rate-limited) the answer is yes:
    /// the update is saved either way, and the post job tells the author if the bot turns out to be missing.
    /// </summary>
    private async Task<bool> BotIsMemberAsync(TeamChannel team, CancellationToken ct)
    {
        try
        {
            return await membership.LearnAsync(team.WorkspaceId, team.ChannelId, ct);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or TimeoutException)
        {
            return true;
        }
    }

    private static bool IsDirectMessage(SlashCommand command) =>
        command.ChannelName == "directmessage" || command.ChannelId.StartsWith('D');
}

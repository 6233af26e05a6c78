using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Web;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What AsyncLead says to people about weekly updates, in one place so the voice stays the same.</summary>
public static class WeeklyTexts
{
    public const string Command = "/weekly-update";

    public const string Usage =
        "Here's what `/weekly-update` can do:\n" +
        "• `/weekly-update`: write this week's update in a form\n" +
        "• `/weekly-update Done: shipped payouts. Blocked: waiting on API keys. Next: refunds`: write it inline " +
        "(sections by heading or label: Completed/Done, In Progress/WIP, Blockers/Blocked, Next Week/Next)\n" +
        "• `/weekly-update status`: who has written, who is away, who is missing\n" +
        "• `/weekly-update pause`, `off`, `resume` (the lead): stop the team's weeks for a while, switch them off, start them again\n" +
        "• `/weekly-update away until 2026-12-01` (or `away next week`, `away none`): no reminders while you're away\n" +
        "• `/weekly-update digest monday 09:00` (or `digest off`, or `digest` to see it): when your weekly digest arrives, in your time zone\n" +
        "• `/weekly-update settings`: your working hours and focus blocks, e.g. `settings focus Tue-Thu 09:00-12:00`\n" +
        "• `/weekly-update setup`: choose when this channel is prompted and who writes (for leads)";

    public const string Empty =
        "Your update is empty, so I didn't save anything. Write at least one section, for example " +
        "`/weekly-update Done: shipped payouts. Next: refunds`, or run `/weekly-update` for the form.";

    /// <summary>
    /// The longest update read from one command: four sections as long as the form's and their labels fit. Slack itself
    /// sends far less; this bounds what a request can make us parse.
    /// </summary>
    public const int MaxInlineLength = 15_000;

    public static string InlineTooLong(int length) =>
        string.Create(CultureInfo.InvariantCulture, $"Your update is {length:N0} characters long, and one written after `{Command}` is at most {MaxInlineLength:N0}, ") +
        $"so I didn't save anything. Run `{Command}` for the form, or send a shorter update.";


    public const string EmptyField = "Write at least one section: what you completed, what's in progress, a blocker or next week's plan.";

    public const string InviteMe =
        "I'm not a member of this channel yet, so I can't post here. Run `/invite @AsyncLead` in this channel, then try again. Nothing was saved.";

    /// <summary>What was typed comes back with the apology, so nothing is lost.</summary>
    public static string SettingsNotChanged(string setting) =>
        "Slack didn't tell me your time zone just now, so nothing was changed. Please send it again in a moment" +
        (setting.Length is > 0 and <= MemberSettingsParser.MaxLength ? $": `{MrkdwnEscaping.Escape(setting)}`" : ".");

    public const string FormDidNotOpen =
        "Slack didn't open the form just now. Please run the command again in a moment.";

    public const string StatusUnavailable =
        "I couldn't work out this week's status just now (Slack didn't answer). Please try again in a moment.";

    public const string NotSetUp =
        "This channel isn't set up for weekly updates yet. Anyone in it can set it up (or run `/weekly-update setup`): "
        + "whoever does becomes the team's lead and picks when the prompt goes out and when the week closes.";

    public const string NotSetUpNothingSaved = NotSetUp + " Your update wasn't saved: send it again once the team is set up.";

    public const string SetUpHere = "Set up weekly updates here";

    public static string OnlyLeadChangesSetup(string leadUserId) =>
        $"Only <@{leadUserId}> (the team's lead) or a workspace admin can change this team's setup.";

    public const string NoTeamForDm =
        "Run this in your team's channel (the one with the weekly thread), not in a DM. " +
        "No channel in this workspace is set up yet: a lead can start with `/weekly-update setup` there.";

    public const string InNoTeamForDm =
        "Run this in your team's channel (the one with the weekly thread), not in a DM: I don't know you as part of a team here yet.";

    public const string SetupInDm =
        "Run `/weekly-update setup` in the team channel that should get the weekly thread, not in a DM.";

    public static string SeveralTeamsForDm(IEnumerable<TeamChannel> teams) =>
        "You're in more than one team here, so run this in the team's channel: " +
        string.Join(", ", teams.Select(t => $"<#{t.ChannelId}>")) + ".";

    public static string UnknownSubcommand(string word) =>
        $"I don't know `{MrkdwnEscaping.Escape(word.Length <= 40 ? word : word[..40] + BlockKitLimits.Ellipsis)}`. " + Usage;

    public static string Saved(TeamChannel team, TeamWeek week, bool replaced, bool late) =>
        (replaced ? "✏️ Updated: I'm editing your reply" : "✅ Saved: I'm posting it as your reply")
        + $" in the {week.Name} thread in <#{team.ChannelId}>" + (late ? " (marked late, as that week has closed)." : ".");

    public const string FileLate = "File it for last week (marked late)";
    public const string FileThisWeek = "This week";

    /// <summary>The choice offered to someone who missed last week's close; <paramref name="inline"/>: their update is held meanwhile.</summary>
    public static string LateOffer(TeamChannel team, TeamWeek closed, DateTimeOffset closedAt, bool inline) =>
        $"You didn't write an update for the *{closed.Name}* in <#{team.ChannelId}>, which closed {When(closedAt)}. "
        + (inline ? "Which week is this update for?" : "Which week do you want to write for?")
        + $" Last week's goes into its thread marked late, and its summary shows you as late instead of missing.";

    /// <summary>What a notification shows for the preview of an inline update with no label.</summary>
    public const string NoLabelsNotification =
        "Not posted yet: I found no section label in your update. Post it as Completed, open it in the form, or cancel.";

    public static string NoLabelsIntro(TeamWeek week) =>
        $"*Nothing is posted yet.* I found no section label (`Done:`, `WIP:`, `Blocked:`, `Next:`) in what you wrote, " +
        $"so this is how it would read in your update for the {week.Name}:";

    public static string NoLabelsHint(TeamChannel team, TeamWeek week, bool hasUpdate) =>
        (hasUpdate
            ? $"*Add to Completed* puts it under Completed in your {week.Name} reply in <#{team.ChannelId}>; the rest of your update stays as it is."
            : $"*Post as Completed* posts it as your reply in the {week.Name} thread in <#{team.ChannelId}>, under Completed.")
        + " To fill other sections, start them with a label: `Done: … WIP: … Blocked: … Next: …`. Not an update? Cancel, or " +
        "`/weekly-update away next week` for time off.";

    public const string PostAsCompleted = "Post as Completed";

    public const string AddToCompleted = "Add to Completed";

    public const string OpenInForm = "Open in the form";

    public const string CancelDraft = "Cancel";

    public static string AddOrReplaceNotification(TeamWeek week) =>
        $"Not posted yet: you wrote your update for the {week.Name} already. Add this to it, or replace it?";

    public static string AddOrReplace(TeamWeek week) =>
        $"*You wrote your update for the {week.Name} already.* Add this to it, or replace it with this? Nothing changes until you choose.";

    public const string ChangedMeanwhile = "_Your update changed since I asked, so here is the question again, against what it says now._";

    public static string AddWould(IReadOnlyList<(string Section, IReadOnlyList<string> Lines)> additions) =>
        additions.Count == 0
            ? "*Add to it* adds nothing: every line of this is in your update already."
            : "*Add to it* keeps everything and adds:\n" + string.Join("\n", additions.SelectMany(section =>
                section.Lines.Select(line => $"• {section.Section}: {line}")));

    public const string Goes = "removes";
    public const string Comes = "adds";
    public const string Changes = "replaces";

    /// <summary>"*Replace it* swaps your update for this one: it replaces Completed, removes Blockers and adds Next Week."</summary>
    public static string ReplaceWould(IReadOnlyList<(string Section, string Change)> changes)
    {
        var what = changes.Select(c => $"{c.Change} {c.Section}").ToArray();
        return "*Replace it* swaps your update for this one" + (what.Length == 0
            ? ", which says the same."
            : ": it " + (what.Length == 1 ? what[0] : string.Join(", ", what[..^1]) + " and " + what[^1]) + ".");
    }

    public static string ReplaceDrops(IReadOnlyList<string> blockers)
    {
        var one = blockers.Count == 1;
        return $"⚠️ *Replace it* takes {(one ? "this open blocker" : $"these {blockers.Count} open blockers")} off your update:\n"
            + string.Join("\n", blockers.Select(b => $"🚧 {b}"))
            + (one
                ? "\nIf it's solved, press Resolve on it in the thread instead; *Add to it* keeps it."
                : "\nIf they're solved, press Resolve on them in the thread instead; *Add to it* keeps them.");
    }

    public const string AddToIt = "Add to it";

    public const string ReplaceIt = "Replace it";

    public static string NothingNew(TeamWeek week) =>
        $"Your update for the {week.Name} says this already, so nothing changed.";

    /// <summary>A second click, or a click on a preview or question already settled by another of its buttons.</summary>
    public static string AlreadyDecided(string decision) => decision switch
    {
        InlineDraft.Cancelled => "You cancelled this one already: nothing of it was saved.",
        InlineDraft.Added => "Already done: this was added to your update.",
        InlineDraft.Replaced => "Already done: your update was replaced with this one.",
        _ => "Already posted: this is in your update.",
    };

    public const string DraftGone =
        "This is too old: I no longer have the text it was about, so nothing was saved. Send it again with `/weekly-update`.";

    public const string FormTooShortForDraft =
        "This is longer than the form holds (3,000 characters a section), so it doesn't open in the form: post it, or send it again shorter.";

    public static string Queued(string channelId) =>
        $"✅ Your update is saved. Slack is slow to take it right now, so I'll post it in <#{channelId}> " +
        "as soon as Slack recovers. Nothing else to do, and no need to send it again.";

    public static string NotInChannel(string channelId) =>
        $"Your update is saved, but I can't post it in <#{channelId}> because I'm not a member there any more. " +
        "Ask anyone in that channel to run `/invite @AsyncLead`; I'll post it if I'm back within a day, and it stays saved either way.";

    /// <summary>To the lead, once per pause (<see cref="TeamPause"/>).</summary>
    public static string TeamPaused(string channelId, string error) =>
        $"I can't post in <#{channelId}> any more ({error switch
        {
            "is_archived" or "channel_is_archived" => "it was archived",
            "not_in_channel" => "I was removed from it",
            _ => "I can't find it",
        }}), so I've paused weekly updates there: no prompts, reminders or summaries. " +
        "Invite me back with `/invite @AsyncLead`, or run `/weekly-update setup` again, and they start again. Updates already written are saved.";

    public static string OnlyOwnersResolve(string authorId, string leadId) =>
        $"Only <@{authorId}> (who reported it) or <@{leadId}> (the team's lead) can mark this blocker resolved.";

    public static string SkippedWeek(TeamWeek week) =>
        $"👍 You're marked away for the {week.Name} in this team: no reminders for it, and its summary shows you as away. " +
        "Back after all? `/weekly-update` still takes your update.";

    public static string SwitchNeedsTeamChannel(string word) =>
        $"Run `/weekly-update {word}` in the team's channel (the one with the weekly thread).";

    public static string OnlyLeadSwitches(string leadUserId, string word) =>
        $"Only <@{leadUserId}> (the team's lead) or a workspace admin can {(word == "resume" ? "resume" : word == "off" ? "switch off" : "pause")} " +
        "this team's weekly updates. Nothing changed.";

    public static string SwitchNotChanged(string word) =>
        $"I couldn't check just now who may run `/weekly-update {word}` here, so nothing changed. Please try again in a minute.";

    public static string NotStopped(string channelId) => $"Weekly updates in <#{channelId}> are running already: nothing to resume.";

    public static string Resumed(string channelId, DateTimeOffset nextPrompt) =>
        $"▶️ Weekly updates in <#{channelId}> are on again: the next prompt goes out {When(nextPrompt)}.";

    public static string PausedByLead(string channelId) =>
        $"⏸️ Weekly updates in <#{channelId}> are paused: no prompts, reminders or summaries until someone runs `/weekly-update resume` here. " +
        "The setup and the updates already written stay.";

    public static string SwitchedOff(string channelId) =>
        $"⏹️ Weekly updates in <#{channelId}> are switched off: nothing is scheduled any more. `/weekly-update resume` starts them again " +
        "with the same setup; the updates already written stay.";

    /// <summary>" ⏸️ Paused …" after a setup form's first line while the team is stopped; empty while it runs.</summary>
    public static string StoppedNote(TeamChannel team) => team.Stopped switch
    {
        TeamChannel.PausedByLead => " ⏸️ *Paused*: no prompts or summaries until `/weekly-update resume`.",
        TeamChannel.SwitchedOff => " ⏹️ *Switched off*: `/weekly-update resume` starts it again.",
        _ => "",
    };

    public static string SetupSaved(TeamChannel team, DateTimeOffset firstPrompt) =>
        $"✅ Weekly updates are set up in <#{team.ChannelId}>. The first prompt goes out {When(firstPrompt)} " +
        $"({team.Prompt} {team.TimeZone}), and each week closes {team.Close} with a summary in the thread.";

    public static string AwaySaved(IReadOnlyList<string> settings) =>
        "✅ Saved. No reminders while you're away. Your settings now:\n" + Lines(settings);

    public static string SettingsSaved(IReadOnlyList<string> settings) =>
        "✅ Saved. Reminders now reach you only inside your working hours and outside focus blocks. Your settings now:\n" + Lines(settings);

    public static string CurrentSettings(string timeZone, IReadOnlyList<string> settings) =>
        $"Your settings (time zone {timeZone}, from your Slack profile):\n" + Lines(settings) + "\n\n" + MemberSettingsParser.Usage;

    public static string Status(TeamChannel team, TeamWeek week, IReadOnlyList<string> wrote, IReadOnlyList<string> away,
        IReadOnlyList<string> missing, DateTimeOffset closesAt, ParticipationFigures figures, Uri? weekPage) =>
        $"*{week.Name}* in <#{team.ChannelId}> (closes {When(closesAt)}):\n" +
        string.Join('\n', People("✅ Wrote", wrote), People("🌴 Away", away), People("⏳ Missing", missing)) +
        $"\n📈 {Figures(figures)}\n" + (weekPage is null ? PageLinks.PagesOff : $"<{weekPage}|Open the {week.Name} page>");

    /// <summary>"4/5 wrote · median 2 h 15 min from prompt to update · 6 h 15 min of meetings saved".</summary>
    public static string Figures(ParticipationFigures figures) =>
        figures.WroteOfExpected
        + (figures.MedianPromptToUpdate is { } median ? $" · median {Participation.Describe(median)} from prompt to update" : "")
        + $" · {Participation.DescribeMinutes(figures.MeetingMinutesSaved)} of meetings saved";

    public static MessageContent Root(TeamWeek week, DateTimeOffset closesAt)
    {
        var title = $"📊 {week.Name}: updates";
        return new MessageContent(title,
        [
            Blocks.Section($"*{title}*"),
            Blocks.Context($"Write yours with `/weekly-update` in this channel: it lands here as your reply. The summary follows {When(closesAt)}."),
        ]);
    }

    /// <summary>A time every reader sees in their own zone.</summary>
    public static string When(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|{at:ddd d MMM HH:mm} UTC>");

    // Mentions show each reader the person's current name; in an ephemeral message they notify nobody.
    private static string People(string label, IReadOnlyList<string> userIds) =>
        $"{label} ({userIds.Count}): " + (userIds.Count == 0 ? "nobody" : string.Join(", ", userIds.Select(id => $"<@{id}>")));

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines.Select(line => $"• `{line}`"));
}

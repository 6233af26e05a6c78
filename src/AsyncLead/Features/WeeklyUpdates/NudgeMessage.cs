using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>The DM asking a member for their update (the prompt, then reminders), with Write and Skip buttons.</summary>
public static class NudgeMessage
{
    public const string WriteActionId = "weekly_write";
    public const string SkipActionId = "weekly_skip";

    /// <remarks>The channel is a mention, so each reader sees its current name (a private channel's only to its members).</remarks>
    public static MessageContent Render(string channelId, TeamWeek week, long teamChannelId, int number)
    {
        var channel = $"<#{channelId}>";
        var text = number == 0
            ? $"📝 Time for your weekly update in {channel} ({week.Name}): what you completed, what's in progress, any blockers, and next week's plan. It takes two minutes."
            : $"⏰ Friendly reminder: your weekly update in {channel} ({week.Name}) isn't in yet. Write it now, or skip the week if you're away.";
        var value = ButtonValue(teamChannelId, week);
        return new MessageContent(text,
        [
            Blocks.Section(text),
            Blocks.Actions(
                new ButtonElement(WriteActionId, new PlainText("Write update")) { Value = value, Style = ButtonStyle.Primary },
                new ButtonElement(SkipActionId, new PlainText("Skip this week")) { Value = value }),
        ]);
    }

    /// <summary>The team and week a button is about, e.g. "12|2025-11-17".</summary>
    public static string ButtonValue(long teamChannelId, TeamWeek week) =>
        string.Create(CultureInfo.InvariantCulture, $"{teamChannelId}|{week.Monday:yyyy-MM-dd}");

    public static bool TryReadButtonValue(string? value, out long teamChannelId, [NotNullWhen(true)] out TeamWeek? week)
    {
        var parts = (value ?? "").Split('|');
        week = null;
        teamChannelId = 0;
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out teamChannelId)
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var monday))
        {
            return false;
        }

        week = TeamWeek.Containing(monday);
        return true;
    }
}

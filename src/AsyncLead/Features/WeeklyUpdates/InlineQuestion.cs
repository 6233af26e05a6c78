using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The private question a second inline update of the week gets: add it to the update, or replace the update with it,
/// showing what each would change and naming every open blocker a replace would take off. The Add and Replace
/// buttons carry the draft's id and the update's version asked about, so a click after the update changed asks again.
/// </summary>
public static class InlineQuestion
{
    public const string AddActionId = "weekly_inline_add";
    public const string ReplaceActionId = "weekly_inline_replace";

    /// <summary>The open blockers of <paramref name="existing"/> that <paramref name="incoming"/> no longer lists.</summary>
    public static IReadOnlyList<string> Dropped(IReadOnlyList<string> openBlockers, WeeklyUpdateSections incoming)
    {
        var kept = incoming.BlockerItems.Select(UpdateStore.BlockerKey).ToHashSet(StringComparer.Ordinal);
        return [.. openBlockers.Where(text => !kept.Contains(UpdateStore.BlockerKey(text)))];
    }

    public static MessageAck Build(TeamWeek week, long draftId, StoredUpdate existing, WeeklyUpdateSections incoming,
        IReadOnlyList<string> openBlockers, bool changedMeanwhile = false)
    {
        var value = string.Create(CultureInfo.InvariantCulture, $"{draftId}:{existing.Version}");
        var dropped = Dropped(openBlockers, incoming);
        var blocks = new List<Block>
        {
            Blocks.Section((changedMeanwhile ? WeeklyTexts.ChangedMeanwhile + "\n" : "") + WeeklyTexts.AddOrReplace(week)),
        };
        blocks.AddRange(Blocks.FromMrkdwn(WeeklyTexts.AddWould(UpdateMerge.Additions(existing.Sections, incoming)
            .Select(section => (section.Section, (IReadOnlyList<string>)[.. section.Lines.Select(Shown)])).ToList())));
        blocks.Add(Blocks.Section(WeeklyTexts.ReplaceWould(Changes(existing.Sections, incoming))));
        if (dropped.Count > 0)
        {
            blocks.AddRange(Blocks.FromMrkdwn(WeeklyTexts.ReplaceDrops([.. dropped.Select(Shown)])));
        }

        blocks.Add(Blocks.Actions(
            new ButtonElement(AddActionId, new PlainText(WeeklyTexts.AddToIt)) { Value = value, Style = ButtonStyle.Primary },
            new ButtonElement(ReplaceActionId, new PlainText(WeeklyTexts.ReplaceIt)) { Value = value, Style = dropped.Count > 0 ? ButtonStyle.Danger : null },
            new ButtonElement(InlinePreview.CancelActionId, new PlainText(WeeklyTexts.CancelDraft)) { Value = InlinePreview.DraftValue(draftId) }));
        return SlackAck.Ephemeral(WeeklyTexts.AddOrReplaceNotification(week), blocks);
    }

    public static bool TryReadValue(string? value, out long draftId, out int version)
    {
        var parts = (value ?? "").Split(':');
        version = 0;
        draftId = 0;
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out draftId)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }

    /// <summary>What replacing does to each section: (name, "changes" | "goes" | "comes"); unchanged ones are left out.</summary>
    private static IReadOnlyList<(string Section, string Change)> Changes(WeeklyUpdateSections existing, WeeklyUpdateSections incoming) =>
    [
        .. UpdateMerge.Named(existing).Zip(UpdateMerge.Named(incoming))
            .Select(pair => (pair.First.Name, Old: pair.First.Text, New: pair.Second.Text))
            .Where(section => !UpdateMerge.SameText(section.Old, section.New))
            .Select(section => (section.Name, string.IsNullOrWhiteSpace(section.New) ? WeeklyTexts.Goes
                : string.IsNullOrWhiteSpace(section.Old) ? WeeklyTexts.Comes : WeeklyTexts.Changes)),
    ];

    // A line as typed, shown as text (never a mention or a broadcast) and short enough to read in a question.
    private static string Shown(string line) => BlockKitLimits.Truncate(MrkdwnEscaping.Escape(line.Trim()), 200);
}

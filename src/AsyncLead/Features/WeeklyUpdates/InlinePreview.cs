using System.Globalization;
using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// The private preview of an inline update with no section label: how it would read (under Completed), and buttons
/// to post it so, open it in the form, or cancel. Each button's value is the draft's id (<see cref="InlineDrafts"/>).
/// </summary>
public static class InlinePreview
{
    public const string PostActionId = "weekly_inline_post";
    public const string FormActionId = "weekly_inline_form";
    public const string CancelActionId = "weekly_inline_cancel";

    /// <summary>What posting the text makes of it: the update's Completed (the parser's Notes, which is the text tidied).</summary>
    public static WeeklyUpdateSections AsCompleted(string text) =>
        WeeklyUpdateSections.Empty with { Completed = WeeklyUpdateParser.Parse(text).Notes };

    public static MessageAck Build(TeamChannel team, TeamWeek week, long draftId, string text, bool hasUpdate)
    {
        var value = DraftValue(draftId);
        var blocks = new List<Block> { Blocks.Section(WeeklyTexts.NoLabelsIntro(week)) };
        blocks.AddRange(Blocks.FromMrkdwn("*Completed*\n" + MarkdownToMrkdwn.Convert(AsCompleted(text).Completed)));
        blocks.Add(Blocks.Context(WeeklyTexts.NoLabelsHint(team, week, hasUpdate)));
        blocks.Add(Blocks.Actions(
            new ButtonElement(PostActionId, new PlainText(hasUpdate ? WeeklyTexts.AddToCompleted : WeeklyTexts.PostAsCompleted))
            {
                Value = value, Style = ButtonStyle.Primary,
            },
            new ButtonElement(FormActionId, new PlainText(WeeklyTexts.OpenInForm)) { Value = value },
            new ButtonElement(CancelActionId, new PlainText(WeeklyTexts.CancelDraft)) { Value = value }));
        return SlackAck.Ephemeral(WeeklyTexts.NoLabelsNotification, blocks);
    }

    public static string DraftValue(long draftId) => draftId.ToString(CultureInfo.InvariantCulture);

    public static bool TryReadDraftValue(string? value, out long draftId) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out draftId);
}

using AsyncLead.Features.Members;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Mrkdwn;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>The update form: four multiline Markdown fields, each capped so Slack never refuses what people type.</summary>
public sealed class UpdateModal(TeamStore teams, UpdateSubmissions submissions) : IViewSubmissionHandler
{
    public const string Id = "weekly_update";
    public const int MaxSectionLength = 3000;
    private const string ValueAction = "value";

    private static readonly (string BlockId, string Label, string Placeholder)[] Fields =
    [
        ("completed", "Completed", "What did you finish? Markdown works: - bullets, **bold**, `code`"),
        ("in_progress", "In Progress", "What are you still working on?"),
        ("blockers", "Blockers", "One per line. Anything in your way, or leave empty"),
        ("next_week", "Next Week", "What do you plan to do next week?"),
    ];

    public string CallbackId => Id;

    /// <summary>The form for <paramref name="week"/>, filled with <paramref name="initial"/> (the update so far, or last week's plan as In Progress).</summary>
    public static ModalView Build(TeamChannel team, TeamWeek week, WeeklyUpdateSections initial)
    {
        var values = new[] { initial.Completed, initial.InProgress, initial.Blockers, initial.NextWeek };
        var blocks = new List<Block>
        {
            Blocks.Context($"{MrkdwnEscaping.Escape(week.Name)} in <#{team.ChannelId}>. Fill in what applies; Markdown works."),
        };
        blocks.AddRange(Fields.Select((field, i) => Blocks.Input(field.BlockId, field.Label, new PlainTextInputElement(ValueAction)
        {
            Multiline = true,
            MaxLength = MaxSectionLength,
            InitialValue = string.IsNullOrEmpty(values[i]) ? null : values[i][..Math.Min(values[i].Length, MaxSectionLength)],
            Placeholder = new PlainText(field.Placeholder),
        }, optional: true)));
        return new ModalView(new PlainText("Weekly update"), blocks)
        {
            CallbackId = Id,
            PrivateMetadata = NudgeMessage.ButtonValue(team.Id, week),
            Submit = new PlainText("Post update"),
            Close = new PlainText("Cancel"),
        };
    }

    public async Task<SlackAck> HandleAsync(ViewSubmissionPayload submission, SlackContext context, CancellationToken ct)
    {
        if (!NudgeMessage.TryReadButtonValue(submission.View.PrivateMetadata, out var teamId, out var week)
            || await teams.FindAsync(teamId, ct) is not { } team || team.WorkspaceId != context.TeamId || context.UserId is not { } userId)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { ["completed"] = WeeklyTexts.NotSetUp });
        }

        string Value(string blockId) => submission.View.State.Find(blockId, ValueAction)?.Value ?? "";
        var sections = new WeeklyUpdateSections(Value("completed"), Value("in_progress"), Value("blockers"), Value("next_week"), Notes: "");
        if (sections.IsEmpty)
        {
            return SlackAck.ViewErrors(new Dictionary<string, string> { ["completed"] = WeeklyTexts.EmptyField });
        }

        await submissions.SaveAsync(team, userId, week, sections, keepNotes: true, ct);
        return SlackAck.Empty;
    }
}

using System.Globalization;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Features.Decisions;

/// <summary>The modals of the feature and the ids their inputs are read back by.</summary>
public static class DecisionModals
{
    public const string DocCallback = "decision_doc";
    public const string CommentCallback = "decision_comment";
    public const string ExtendCallback = "decision_extend";
    public const string DecideCallback = "decision_record";
    public const string EditCallback = "decision_edit";

    public const string Title = "title";
    public const string Problem = "problem";
    public const string Options = "options";
    public const string Analysis = "analysis";
    public const string Recommendation = "recommendation";
    public const string Questions = "questions";
    public const string Reviewers = "reviewers";

    /// <summary>The reviewers select's action: in a new doc, picking reviewers moves the default deadline when it is too short for them.</summary>
    public const string ReviewersAction = "decision_reviewers";
    public const string Deadline = "deadline";
    public const string DecisionDate = "decision_date";
    public const string Text = "text";
    public const string Reason = "reason";
    public const string Option = "option";
    public const string Rationale = "rationale";
    public const string Revisit = "revisit";

    /// <summary>How many follow-up rows the record modal offers.</summary>
    public const int FollowUpRows = 3;

    /// <summary>The block (and action) ids of follow-up row <paramref name="row"/> (1-based): its text, owner and due day.</summary>
    public static (string Text, string Owner, string Due) FollowUpIds(int row) =>
        (string.Create(CultureInfo.InvariantCulture, $"follow_up_{row}"), string.Create(CultureInfo.InvariantCulture, $"follow_up_{row}_owner"),
            string.Create(CultureInfo.InvariantCulture, $"follow_up_{row}_due"));
    public const string Quorum = "quorum";
    public const string MajorityValue = "majority";

    public const int TitleMaxLength = 150;
    public const int SectionMaxLength = 3000;

    /// <summary>
    /// The doc form, pre-filled from <paramref name="sections"/> (and, once picked, the reviewers, with a note when the
    /// default deadline moved for them); private metadata is the channel it will be posted in and the doc it supersedes.
    /// </summary>
    public static ModalView Doc(DocFormTarget target, DecisionDocSections sections, DateTimeOffset deadline, DateTimeOffset decisionDate,
        IReadOnlyList<string>? reviewers = null, DecisionQuorum quorum = DecisionQuorum.All, string? deadlineNote = null)
    {
        var blocks = DocBlocks(sections, reviewers ?? [], quorum, deadline, decisionDate, deadlineNote);
        if (target.Supersedes is { } old)
        {
            blocks.Insert(0, Blocks.Context($":arrows_counterclockwise: This doc supersedes {old}: once it is decided, {old} is marked superseded by it."));
        }

        return new ModalView(new PlainText(target.Supersedes is { } replaced ? $"Supersede {replaced}" : "New decision doc"), blocks)
        {
            CallbackId = DocCallback,
            PrivateMetadata = target.Metadata,
            Submit = new PlainText("Post for review"),
            Close = new PlainText("Cancel"),
        };
    }

    /// <summary>The same form filled with the posted doc as it stands; private metadata is the doc's id.</summary>
    public static ModalView Edit(DecisionSnapshot snapshot)
    {
        var doc = snapshot.Doc;
        var sections = new DecisionDocSections(doc.Title, doc.ProblemStatement, doc.Options, doc.Analysis, doc.Recommendation, doc.Questions);
        var blocks = new List<Block>
        {
            Blocks.Context($"Editing {doc.ShortId}. The message is updated in place and the thread says what changed; "
                + "a change to the Options or the Recommendation asks reviewers who approved to confirm."),
        };
        blocks.AddRange(DocBlocks(sections, snapshot.Reviewers, doc.Quorum, doc.Deadline, doc.DecisionDate, deadlineNote: null, isNew: false));
        return new ModalView(new PlainText($"Edit {doc.ShortId}"), blocks)
        {
            CallbackId = EditCallback,
            PrivateMetadata = doc.Id.ToString(CultureInfo.InvariantCulture),
            Submit = new PlainText("Save changes"),
            Close = new PlainText("Cancel"),
        };
    }

    private static readonly Option EveryReviewer = new(new PlainText("Every reviewer has answered"), "all")
    {
        Description = new PlainText("Reviewers who are away for the rest of the review are excused"),
    };

    private static readonly Option Majority = new(new PlainText("A majority of reviewers approve"), MajorityValue)
    {
        Description = new PlainText("More than half of those not away"),
    };

    private static List<Block> DocBlocks(DecisionDocSections sections, IReadOnlyList<string> reviewers, DecisionQuorum quorum,
        DateTimeOffset deadline, DateTimeOffset decisionDate, string? deadlineNote, bool isNew = true)
    {
        var blocks = DocInputs(sections, reviewers, quorum, deadline, decisionDate, isNew);
        if (deadlineNote is not null)
        {
            blocks.Insert(blocks.FindIndex(b => b is InputBlock { BlockId: Deadline }) + 1, Blocks.Context(deadlineNote));
        }

        return blocks;
    }

    private static List<Block> DocInputs(DecisionDocSections sections, IReadOnlyList<string> reviewers, DecisionQuorum quorum,
        DateTimeOffset deadline, DateTimeOffset decisionDate, bool isNew) =>
    [
        Blocks.Input(Title, "Title", Line(Title, sections.Title, TitleMaxLength, "e.g. Move payouts to Postgres")),
        Blocks.Input(Problem, "Problem Statement", Multiline(Problem, sections.ProblemStatement), hint: "Markdown. What needs deciding, and why now?"),
        Blocks.Input(Options, "Options Considered", Multiline(Options, sections.OptionsConsidered), optional: true),
        Blocks.Input(Analysis, "Analysis", Multiline(Analysis, sections.Analysis), optional: true),
        Blocks.Input(Recommendation, "Recommendation", Multiline(Recommendation, sections.Recommendation), optional: true),
        Blocks.Input(Questions, "Questions for Team", Multiline(Questions, sections.QuestionsForTeam), optional: true),
        // Optional for Slack so that our own message ("pick at least one…") explains what is missing.
        Blocks.Input(Reviewers, "Reviewers", new MultiUsersSelectElement(ReviewersAction)
        {
            Placeholder = new PlainText("Who must answer"),
            InitialUsers = reviewers.Count > 0 ? reviewers : null,
        }, optional: true) with { DispatchAction = isNew ? true : null },
        Blocks.Input(Quorum, "Ready to decide when", new RadioButtonsElement(Quorum, [EveryReviewer, Majority])
        {
            InitialOption = quorum == DecisionQuorum.Majority ? Majority : EveryReviewer,
        }, hint: "Either way, an open concern or hold keeps it from being ready."),
        Blocks.Input(Deadline, "Response deadline", new DateTimePickerElement(Deadline) { InitialDateTime = deadline },
            hint: "Reviewers are reminded 24 h and 2 h before, in their working hours."),
        Blocks.Input(DecisionDate, "Decision date", new DateTimePickerElement(DecisionDate) { InitialDateTime = decisionDate }),
    ];

    public static ModalView Comment(DecisionDoc doc, ReviewerAnswer kind) =>
        new(new PlainText(kind switch { ReviewerAnswer.Concern => "Raise a concern", ReviewerAnswer.Hold => "Put it on hold", _ => "Ask a question" }),
        [
            Blocks.Section($"On {DecisionText.Name(doc)}"),
            Blocks.Input(Text, kind switch { ReviewerAnswer.Concern => "Your concern", ReviewerAnswer.Hold => "What should it wait for?", _ => "Your question" },
                Multiline(Text, "", 2000),
                hint: kind switch
                {
                    ReviewerAnswer.Concern => "A concern blocks the decision until you or the author resolve it.",
                    ReviewerAnswer.Hold => "A hold blocks the decision, like a concern, until you or the author release it.",
                    _ => null,
                }),
        ])
        {
            CallbackId = CommentCallback,
            PrivateMetadata = string.Create(CultureInfo.InvariantCulture, $"{doc.Id}:{kind}"),
            Submit = new PlainText("Post in thread"),
        };

    public static ModalView Extend(DecisionDoc doc, DateTimeOffset suggested) =>
        new(new PlainText("Extend the deadline"),
        [
            Blocks.Section($"{DecisionText.Name(doc)} is due {DecisionText.LocalDate(doc.Deadline, doc.AuthorTz)}."),
            Blocks.Input(Deadline, "New response deadline", new DateTimePickerElement(Deadline) { InitialDateTime = suggested }),
            Blocks.Input(Reason, "Why", Line(Reason, "", 500, "e.g. Waiting for the load test results"), optional: true),
        ])
        {
            CallbackId = ExtendCallback,
            PrivateMetadata = doc.Id.ToString(CultureInfo.InvariantCulture),
            Submit = new PlainText("Extend"),
        };

    public static ModalView Decide(DecisionDoc doc) =>
        new(new PlainText("Record the decision"),
        [
            .. DecideBlocks(doc),
            Blocks.Context("*Follow-ups* (optional): each lands in its owner's next weekly update, under Next Week."),
            .. Enumerable.Range(1, FollowUpRows).SelectMany(FollowUpBlocks),
        ])
        {
            CallbackId = DecideCallback,
            PrivateMetadata = doc.Id.ToString(CultureInfo.InvariantCulture),
            Submit = new PlainText("Record"),
        };

    private static IEnumerable<Block> FollowUpBlocks(int row)
    {
        var (text, owner, due) = FollowUpIds(row);
        yield return Blocks.Input(text, string.Create(CultureInfo.InvariantCulture, $"Follow-up {row}"), Line(text, "", 300, "e.g. Write the migration runbook"), optional: true);
        yield return Blocks.Input(owner, string.Create(CultureInfo.InvariantCulture, $"Owner {row}"), new UsersSelectElement(owner) { Placeholder = new PlainText("Who does it") },
            optional: true);
        yield return Blocks.Input(due, string.Create(CultureInfo.InvariantCulture, $"Due {row}"), new DatePickerElement(due) { Placeholder = new PlainText("By when") }, optional: true);
    }

    private static List<Block> DecideBlocks(DecisionDoc doc) =>
        [
            Blocks.Section($"{DecisionText.Name(doc)}"),
            // Most decisions follow the recommendation, so its first line is the starting point.
            Blocks.Input(Option, "Chosen option", Line(Option, FirstLine(doc.Recommendation), 300, "e.g. Option B: Postgres with SKIP LOCKED")),
            Blocks.Input(Rationale, "Rationale", Multiline(Rationale, "", SectionMaxLength), hint: "Markdown. Why this option, and what follows from it."),
            Blocks.Input(Revisit, "Revisit by", new DatePickerElement(Revisit) { Placeholder = new PlainText("No date") }, optional: true,
                hint: "On that day you and the team's lead find it on App Home and in the digest, under Decisions to revisit."),
        ];

    private static string FirstLine(string markdown) =>
        markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static PlainTextInputElement Line(string actionId, string initial, int maxLength, string placeholder) =>
        new(actionId)
        {
            InitialValue = initial.Length > 0 ? initial[..Math.Min(initial.Length, maxLength)] : null,
            MaxLength = maxLength,
            Placeholder = new PlainText(placeholder),
        };

    private static PlainTextInputElement Multiline(string actionId, string initial, int maxLength = SectionMaxLength) =>
        new(actionId)
        {
            Multiline = true,
            InitialValue = initial.Length > 0 ? initial[..Math.Min(initial.Length, maxLength)] : null,
            MaxLength = maxLength,
        };
}

namespace AsyncLead.Slack.BlockKit;

/// <summary>The "Are you sure?" dialog attached to an interactive element.</summary>
public sealed record ConfirmDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny)
{
    public ButtonStyle? Style { get; init; }
}

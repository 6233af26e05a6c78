namespace AsyncLead.Slack.BlockKit;

/// <summary><c>plain_text</c>: shown verbatim; <c>:emoji:</c> codes are rendered unless <see cref="Emoji"/> is false.</summary>
public sealed record PlainText : TextObject
{
    public PlainText(string text)
        : base("plain_text", text)
    {
    }

    public bool Emoji { get; init; } = true;
}

namespace AsyncLead.Slack.BlockKit;

/// <summary>An option of a select, overflow, checkbox group or radio group.</summary>
public sealed record Option(TextObject Text, string Value)
{
    public TextObject? Description { get; init; }

    /// <summary>Overflow menus only: opens this URL when chosen.</summary>
    public string? Url { get; init; }

    public static Option Plain(string text, string value) => new(new PlainText(text), value);
}

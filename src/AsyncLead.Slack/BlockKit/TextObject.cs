using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

/// <summary>Slack's text composition object.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(PlainText))]
[JsonDerivedType(typeof(MrkdwnText))]
public abstract record TextObject
{
    private protected TextObject(string type, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Type = type;
        Text = text;
    }

    [JsonPropertyOrder(-2)]
    public string Type { get; }

    [JsonPropertyOrder(-1)]
    public string Text { get; init; }
}

/// <summary><c>plain_text</c>: shown verbatim; <c>:emoji:</c> codes are rendered unless <see cref="Emoji"/> is false.</summary>
public sealed record PlainText : TextObject
{
    public PlainText(string text)
        : base("plain_text", text)
    {
    }

    public bool Emoji { get; init; } = true;
}

/// <summary><c>mrkdwn</c>: the caller is responsible for escaping user text (see <see cref="Mrkdwn.MrkdwnEscaping"/>).</summary>
public sealed record MrkdwnText : TextObject
{
    public MrkdwnText(string text)
        : base("mrkdwn", text)
    {
    }

    /// <summary>When true Slack does not auto-link URLs, channel names or mentions.</summary>
    public bool? Verbatim { get; init; }
}

/// <summary>An option of a select, overflow, checkbox group or radio group.</summary>
public sealed record Option(TextObject Text, string Value)
{
    public TextObject? Description { get; init; }

    /// <summary>Overflow menus only: opens this URL when chosen.</summary>
    public string? Url { get; init; }

    public static Option Plain(string text, string value) => new(new PlainText(text), value);
}

/// <summary>The "Are you sure?" dialog attached to an interactive element.</summary>
public sealed record ConfirmDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny)
{
    public ButtonStyle? Style { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ButtonStyle>))]
public enum ButtonStyle
{
    [JsonStringEnumMemberName("primary")]
    Primary,

    [JsonStringEnumMemberName("danger")]
    Danger,
}

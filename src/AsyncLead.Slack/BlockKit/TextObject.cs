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

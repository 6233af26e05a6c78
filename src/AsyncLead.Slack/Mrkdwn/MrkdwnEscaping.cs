using System.Text;

namespace AsyncLead.Slack.Mrkdwn;

/// <summary>Slack's text escaping: only the three control characters, so that user text can never form links or mentions.</summary>
public static class MrkdwnEscaping
{
    /// <summary>Escapes exactly <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>; everything else (quotes, apostrophes, emoji) stays literal as Slack requires.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    internal static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            AppendEscaped(builder, c);
        }
    }

    internal static void AppendEscaped(StringBuilder builder, char c) =>
        _ = c switch
        {
            '&' => builder.Append("&amp;"),
            '<' => builder.Append("&lt;"),
            '>' => builder.Append("&gt;"),
            _ => builder.Append(c),
        };
}

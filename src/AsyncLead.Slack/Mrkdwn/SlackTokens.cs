using System.Text;
using System.Text.RegularExpressions;

namespace AsyncLead.Slack.Mrkdwn;

/// <summary>
/// Slack's own angle-bracket tokens as people may type them into text written for Slack. Mentions of one person,
/// channel links and dates reach Slack intact. Broadcasts (<c>&lt;!here&gt;</c>, <c>&lt;!channel&gt;</c>, <c>&lt;!group&gt;</c>,
/// <c>&lt;!everyone&gt;</c>, <c>&lt;!subteam^…&gt;</c>) are recognised only to be shown as typed, never sent as a broadcast:
/// typed text is shown, never a broadcast. (Plain <c>@here</c> is text to Slack unless a call asks it to link names,
/// which the adapter never does.)
/// </summary>
internal static partial class SlackTokens
{
    /// <summary><c>&lt;@U…&gt;</c>, <c>&lt;#C…&gt;</c>, <c>&lt;!date^…&gt;</c> and the broadcasts, each with an optional
    /// <c>|label</c>. Slack ids are upper-case letters and digits; underscores are accepted too, as test workspaces use ids
    /// like <c>U_ALICE</c>. Linear time whatever the input (no backtracking engine).</summary>
    [GeneratedRegex(@"<(?:[@#][A-Z0-9_]+|!(?:here|channel|group|everyone)|!subteam\^[A-Z0-9_]+|!date\^[^<>|\n]+)(?:\|[^<>\n]*)?>",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    internal static partial Regex Pattern();

    /// <summary>Whether a matched token may reach Slack as a token: a person, a channel or a date, never a broadcast.</summary>
    internal static bool IsKept(string token) =>
        token.StartsWith("<@", StringComparison.Ordinal) || token.StartsWith("<#", StringComparison.Ordinal)
        || token.StartsWith("<!date^", StringComparison.Ordinal);
}

/// <summary>
/// Hides Slack tokens from the Markdown parser by swapping each for one private-use character that does not occur in
/// the source, so emphasis, escapes and autolink rules can never split or rewrite a token.
/// </summary>
internal sealed class SlackTokenPlaceholders
{
    private const char FirstPrivateUse = '\uE000';
    private const char LastPrivateUse = '\uF8FF';

    private readonly Dictionary<char, string> _tokens;

    private SlackTokenPlaceholders(Dictionary<char, string> tokens) => _tokens = tokens;

    public static SlackTokenPlaceholders Shield(string source, out string shielded)
    {
        var tokens = new Dictionary<char, string>();
        var next = FirstPrivateUse;
        shielded = SlackTokens.Pattern().Replace(source, match =>
        {
            while (next <= LastPrivateUse && source.Contains(next, StringComparison.Ordinal))
            {
                next++;
            }

            if (next > LastPrivateUse)
            {
                return match.Value; // no free placeholder left: the token is escaped like ordinary text
            }

            tokens[next] = match.Value;
            return (next++).ToString();
        });
        return new SlackTokenPlaceholders(tokens);
    }

    /// <summary>Appends text meant to be read as mrkdwn: kept tokens come back intact, everything else (broadcasts too) is escaped.</summary>
    public void AppendText(StringBuilder builder, ReadOnlySpan<char> text) => Append(builder, text, tokensIntact: true);

    /// <summary>Appends text that Slack shows verbatim (code, link labels): tokens come back escaped, as the author typed them.</summary>
    public void AppendLiteral(StringBuilder builder, ReadOnlySpan<char> text) => Append(builder, text, tokensIntact: false);

    private void Append(StringBuilder builder, ReadOnlySpan<char> text, bool tokensIntact)
    {
        foreach (var c in text)
        {
            if (!_tokens.TryGetValue(c, out var token))
            {
                MrkdwnEscaping.AppendEscaped(builder, c);
            }
            else if (tokensIntact && SlackTokens.IsKept(token))
            {
                builder.Append(token);
            }
            else
            {
                MrkdwnEscaping.AppendEscaped(builder, token);
            }
        }
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace AsyncLead.Slack.Mrkdwn;

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

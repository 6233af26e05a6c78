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

namespace AsyncLead.Slack.BlockKit;

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

using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>Where a post of <see cref="SlackPoster.PostOnceAsync"/> is; <paramref name="Earlier"/> when this call did not make it.</summary>
public sealed record PostOnce(PostedMessage Message, bool Earlier)
{
    public string Channel => Message.Channel;

    public string Ts => Message.Ts;
}

using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Handles one slash command, e.g. <c>/weekly-update</c>.</summary>
public interface ISlashCommandHandler
{
    /// <summary>The command with its slash, exactly as configured in the app manifest.</summary>
    string Command { get; }

    /// <returns><see cref="SlackAck.Empty"/> or a <see cref="MessageAck"/>.</returns>
    Task<SlackAck> HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct);
}

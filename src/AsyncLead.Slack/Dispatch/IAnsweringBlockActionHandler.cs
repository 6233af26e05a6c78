using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>
/// A block action that answers the person who clicked: the message it returns goes to the click's response_url after
/// the ack, so it can replace or delete the message the button was on (<see cref="SlackAck.ReplaceClicked"/>,
/// <see cref="SlackAck.DeleteClicked"/>), which a job's chat.postEphemeral can't do for an ephemeral message.
/// </summary>
public interface IAnsweringBlockActionHandler : IBlockActionHandler
{
    Task<MessageAck?> AnswerAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct);

    Task IBlockActionHandler.HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct) =>
        AnswerAsync(payload, action, context, ct);
}

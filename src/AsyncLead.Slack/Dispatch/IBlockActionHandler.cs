using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Dispatch;

/// <summary>Handles one element's action in a block_actions payload. Slack ignores the ack body here, so there is none.</summary>
public interface IBlockActionHandler
{
    string ActionId { get; }

    Task HandleAsync(BlockActionsPayload payload, BlockAction action, SlackContext context, CancellationToken ct);
}

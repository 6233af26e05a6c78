namespace AsyncLead.Slack.Payloads;

/// <summary>An interaction type this adapter does not model; acknowledged, never routed.</summary>
public sealed record UnknownInteraction : InteractionPayload;

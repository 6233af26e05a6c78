namespace AsyncLead.Slack.Payloads;

public sealed record GlobalShortcutPayload : ShortcutPayload;

namespace AsyncLead.Slack.Payloads;

public sealed record AppUninstalledEvent : SlackEvent;

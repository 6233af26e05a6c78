namespace AsyncLead.Slack.Payloads;

public sealed record ViewStateValue : ElementValue;

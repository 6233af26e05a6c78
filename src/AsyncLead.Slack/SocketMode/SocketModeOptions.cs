namespace AsyncLead.Slack.SocketMode;

/// <summary>Socket Mode timings; the defaults follow Slack's SDKs, tests shorten them.</summary>
internal sealed class SocketModeOptions
{
    /// <summary>How long a new connection may take to say hello before it counts as failed.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ping interval; a connection whose pong is missing for <see cref="PongTimeout"/> is dead and replaced.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles per failure up to <see cref="MaxBackoff"/>. apps.connections.open is Tier 1, so the cap is a minute.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
}

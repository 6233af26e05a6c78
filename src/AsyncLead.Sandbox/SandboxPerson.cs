using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Sandbox;

/// <summary>Someone in the sandbox the visitor can act as.</summary>
public sealed record SandboxPerson(string Id, string Name, string RealName, string TimeZone, bool IsLead = false)
{
    public DateTimeOffset LocalTime(DateTimeOffset utcNow) => TimeZoneInfo.ConvertTime(utcNow, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
}

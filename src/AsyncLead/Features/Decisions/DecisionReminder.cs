using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Decisions;

/// <summary>One reminder for one reviewer: how long before the deadline it was aimed, and when it goes out (UTC).</summary>
public sealed record DecisionReminder(TimeSpan Before, DateTimeOffset At);

using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Decisions;

/// <summary>The modal fields a schedule error belongs to.</summary>
public enum DecisionField
{
    ResponseDeadline,
    DecisionDate,
}

using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.TimeZones;

namespace AsyncLead.Features.Decisions;

public sealed record DecisionFieldError(DecisionField Field, string Message);

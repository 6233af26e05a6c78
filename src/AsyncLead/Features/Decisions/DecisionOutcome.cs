using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

public enum DecisionOutcome
{
    ReadyToDecide,
    NeedsSync,
}

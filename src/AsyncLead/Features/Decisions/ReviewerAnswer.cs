using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

public enum ReviewerAnswer
{
    Approve,
    Concern,
    Question,
    Abstain,

    /// <summary>"Don't decide yet": blocks like a concern, with a reason, until released.</summary>
    Hold,
}

using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>
/// A reviewer's current answer (a changed answer replaces the old one; the last one given counts). An approval of an
/// earlier version of the doc (<paramref name="EarlierVersion"/>) is shown but doesn't count until confirmed.
/// </summary>
public sealed record ReviewerResponse(string ReviewerId, ReviewerAnswer Answer, bool EarlierVersion = false);

using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using AsyncLead.Jobs;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>What happened to a submitted update.</summary>
public sealed record SubmitResult(bool Replaced, bool IsLate);

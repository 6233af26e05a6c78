using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

public sealed record ConcernJob(long DecisionId, long ConcernId);

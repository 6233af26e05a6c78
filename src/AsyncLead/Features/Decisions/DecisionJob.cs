using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

public sealed record DecisionJob(long DecisionId);

using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

public sealed record ReminderJob(long DecisionId, string ReviewerId);

using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

public sealed record ThreadNotePayload(long DecisionId, string Key, string Mrkdwn);

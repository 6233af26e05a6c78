using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using System.Data;
using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

/// <summary>A new doc as the author submitted it; <see cref="SourceBlockerId"/> when its form was started from a week summary's blocker.</summary>
public sealed record NewDecision(
    string WorkspaceId,
    string ChannelId,
    string AuthorId,
    string AuthorTz,
    DecisionDocSections Sections,
    IReadOnlyList<string> Reviewers,
    DateTimeOffset Deadline,
    DateTimeOffset DecisionDate,
    DecisionQuorum Quorum = DecisionQuorum.All,
    DecisionShortId? Supersedes = null,
    long? SourceBlockerId = null);

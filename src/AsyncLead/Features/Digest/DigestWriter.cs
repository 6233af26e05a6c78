using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>Someone who wrote, linked to their reply in the week's thread.</summary>
public sealed record DigestWriter(string Name, Uri? Reply);

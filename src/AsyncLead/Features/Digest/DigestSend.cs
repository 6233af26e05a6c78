using AsyncLead.Outbox;
using AsyncLead.Features.Members;

namespace AsyncLead.Features.Digest;

/// <summary>One digest DM as recorded: <see cref="MessageTs"/> is null until Slack has answered the post.</summary>
public sealed record DigestSend(long Id, DateTimeOffset Since, string? DmChannel, string? MessageTs);

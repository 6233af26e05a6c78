using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// A post as recorded. <see cref="Posted"/> null means "posting": an attempt that began at <see cref="StartedAt"/> has not
/// recorded its outcome (it is still running, or it died, timed out or was cancelled after Slack may have posted).
/// </summary>
public sealed record SlackPostRecord(DateTimeOffset StartedAt, PostedMessage? Posted, bool IsNew);

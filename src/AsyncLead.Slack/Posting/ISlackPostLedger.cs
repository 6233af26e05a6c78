using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Posting;

/// <summary>
/// The durable record of posts made through <see cref="SlackPoster"/>, one per workspace and key, implemented by the app
/// over its database. Every call commits before it returns: the record must outlive the process that wrote it.
/// </summary>
public interface ISlackPostLedger
{
    /// <summary>
    /// Marks the post "posting" (started at <paramref name="startedAt"/>) unless it is recorded already; returns the record as
    /// it stands afterwards, <see cref="SlackPostRecord.IsNew"/> when this call made the mark.
    /// </summary>
    Task<SlackPostRecord> BeginAsync(string workspaceId, string key, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Where the post landed: the record is complete and the post is never made again.</summary>
    Task RecordPostedAsync(string workspaceId, string key, PostedMessage posted, CancellationToken cancellationToken);

    /// <summary>Slack said for certain that nothing was posted: the mark goes, and the next attempt posts without looking.</summary>
    Task ClearAsync(string workspaceId, string key, CancellationToken cancellationToken);
}

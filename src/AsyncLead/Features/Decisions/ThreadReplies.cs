using System.Text.Json.Nodes;
using AsyncLead.Jobs;
using AsyncLead.Slack.Posting;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Features.Decisions;

/// <summary>Our replies in a doc's thread carry the doc id and a key of their own within the doc.</summary>
internal static class ThreadReplies
{
    public static MessageMetadata Metadata(DecisionDoc doc, string key) =>
        new(DecisionMessage.MetadataType, new JsonObject { ["decision_id"] = doc.Id, ["key"] = key });

    /// <summary>The reply's key among the workspace's posts (<see cref="SlackPoster"/>).</summary>
    public static string PostKey(DecisionDoc doc, string key) => $"decision:{doc.Id}:{key}";
}

using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.State;

internal sealed class MessageRecord
{
    public required string ChannelId { get; init; }
    public required string TeamId { get; init; }
    public required string Ts { get; init; }
    public string? ThreadTs { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? AppId { get; init; }
    public required string Text { get; set; }
    public JsonArray? Blocks { get; set; }
    public JsonObject? Metadata { get; set; }
    public string? EditedTs { get; set; }
    public bool Deleted { get; set; }

    /// <summary>Ephemeral messages are seen by this one user only and never appear in history.</summary>
    public string? VisibleTo { get; init; }

    public bool IsReply => ThreadTs is not null && ThreadTs != Ts;

    /// <summary>The message as Slack's history and reply methods return it.</summary>
    public JsonObject ToJson(bool includeMetadata, IReadOnlyList<MessageRecord>? replies = null)
    {
        var json = new JsonObject { ["type"] = "message" };
        if (UserId is not null)
        {
            json["user"] = UserId;
        }

        if (BotId is not null)
        {
            json["bot_id"] = BotId;
            json["app_id"] = AppId;
        }

        json["text"] = Text;
        json["ts"] = Ts;
        json["team"] = TeamId;
        if (Blocks is not null)
        {
            json["blocks"] = Blocks.DeepClone();
        }

        if (ThreadTs is not null)
        {
            json["thread_ts"] = ThreadTs;
        }
        else if (replies is { Count: > 0 })
        {
            json["thread_ts"] = Ts;
        }

        if (replies is { Count: > 0 })
        {
            json["reply_count"] = replies.Count;
            json["reply_users"] = new JsonArray(replies.Select(r => r.UserId).Distinct().Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
            json["latest_reply"] = replies[^1].Ts;
        }

        if (EditedTs is not null)
        {
            json["edited"] = new JsonObject { ["user"] = UserId, ["ts"] = EditedTs };
        }

        if (includeMetadata && Metadata is not null)
        {
            json["metadata"] = Metadata.DeepClone();
        }

        return json;
    }

    public FakeMessage ToSnapshot() =>
        new(ChannelId, Ts, ThreadTs, UserId, BotId, Text, Blocks?.DeepClone().AsArray() ?? [], Metadata?.DeepClone().AsObject(), EditedTs is not null)
        {
            VisibleTo = VisibleTo,
        };
}

using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.BlockKit;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>chat.postMessage, chat.update, chat.delete, chat.postEphemeral, chat.getPermalink.</summary>
internal static class ChatMethods
{
    public static ApiResult PostMessage(ApiCall call)
    {
        var team = call.Team;
        var channel = call.World.ResolveConversation(team, call.Str("channel"));
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        if (channel.IsArchived)
        {
            return ApiResult.Error("is_archived");
        }

        if (!channel.BotCanAccess)
        {
            return ApiResult.Error("not_in_channel");
        }

        if (CheckContent(call) is { } contentError)
        {
            return contentError;
        }

        if (CheckMetadata(call) is { } metadataError)
        {
            return metadataError;
        }

        string? threadTs = null;
        if (call.Str("thread_ts") is { } requestedThread)
        {
            // Replying to a reply lands in the same thread, as in Slack.
            var parent = channel.Find(requestedThread);
            if (parent is null)
            {
                return ApiResult.Error("thread_not_found");
            }

            threadTs = parent.ThreadTs ?? parent.Ts;
        }

        if (RateLimitForChannel(call.World, channel) is { } limited)
        {
            return limited;
        }

        var message = call.World.Post(
            channel,
            team.BotUserId,
            team.BotId,
            call.Str("text") ?? "",
            call.Node("blocks")?.DeepClone().AsArray(),
            call.Node("metadata")?.DeepClone().AsObject(),
            threadTs);
        channel.LastBotPostAt = call.World.Now;
        return ApiResult.Ok(new JsonObject
        {
            ["channel"] = channel.Id,
            ["ts"] = message.Ts,
            ["message"] = message.ToJson(includeMetadata: true),
        });
    }

    public static ApiResult Update(ApiCall call)
    {
        if (FindOwnMessage(call, "cant_update_message", out var channel, out var message) is { } lookupError)
        {
            return lookupError;
        }

        if (CheckContent(call) is { } contentError)
        {
            return contentError;
        }

        if (CheckMetadata(call) is { } metadataError)
        {
            return metadataError;
        }

        message.Text = call.Str("text") ?? "";

        // Slack keeps the previous blocks when the update carries none; an empty array removes them.
        if (call.Node("blocks") is JsonArray blocks)
        {
            message.Blocks = blocks.DeepClone().AsArray();
            call.World.AssignMissingIds(message.Blocks);
        }

        if (call.Node("metadata") is JsonObject metadata)
        {
            message.Metadata = metadata.DeepClone().AsObject();
        }

        message.EditedTs = call.World.NextTs();
        return ApiResult.Ok(new JsonObject
        {
            ["channel"] = channel.Id,
            ["ts"] = message.Ts,
            ["text"] = message.Text,
            ["message"] = message.ToJson(includeMetadata: true),
        });
    }

    /// <summary>The bot's own message named by channel + ts, or the error Slack gives (the last one names the method).</summary>
    private static ApiResult? FindOwnMessage(ApiCall call, string notOwnError, out ChannelRecord channel, out MessageRecord message)
    {
        channel = null!;
        message = null!;
        var team = call.Team;
        if (call.World.FindChannel(team, call.Str("channel")) is not { } foundChannel)
        {
            return ApiResult.Error("channel_not_found");
        }

        channel = foundChannel;
        if ((call.Str("ts") is { } ts ? foundChannel.Find(ts) : null) is not { } foundMessage)
        {
            return ApiResult.Error("message_not_found");
        }

        message = foundMessage;
        return foundMessage.BotId != team.BotId ? ApiResult.Error(notOwnError) : null;
    }

    public static ApiResult Delete(ApiCall call)
    {
        if (FindOwnMessage(call, "cant_delete_message", out var channel, out var message) is { } lookupError)
        {
            return lookupError;
        }

        message.Deleted = true;
        return ApiResult.Ok(new JsonObject { ["channel"] = channel.Id, ["ts"] = message.Ts });
    }

    public static ApiResult PostEphemeral(ApiCall call)
    {
        var team = call.Team;
        var channel = call.World.ResolveConversation(team, call.Str("channel"));
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        var user = call.World.FindUser(team, call.Str("user"));
        if (user is null)
        {
            return ApiResult.Error("user_not_found");
        }

        if (!channel.BotCanAccess)
        {
            return ApiResult.Error("not_in_channel");
        }

        if (!channel.Members.Contains(user.Id))
        {
            return ApiResult.Error("user_not_in_channel");
        }

        if (CheckContent(call) is { } contentError)
        {
            return contentError;
        }

        var blocks = call.Node("blocks")?.DeepClone().AsArray();
        if (blocks is not null)
        {
            call.World.AssignMissingIds(blocks);
        }

        var message = new MessageRecord
        {
            ChannelId = channel.Id,
            TeamId = team.TeamId,
            Ts = call.World.NextTs(),
            ThreadTs = call.Str("thread_ts"),
            UserId = team.BotUserId,
            BotId = team.BotId,
            AppId = call.World.AppId,
            Text = call.Str("text") ?? "",
            Blocks = blocks,
            VisibleTo = user.Id,
        };
        call.World.Ephemerals.Add(message);
        return ApiResult.Ok(new JsonObject { ["message_ts"] = message.Ts });
    }

    public static ApiResult GetPermalink(ApiCall call)
    {
        var team = call.Team;
        var channel = call.World.FindChannel(team, call.Str("channel"));
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        var message = call.Str("message_ts") is { } ts ? channel.Find(ts) : null;
        if (message is null)
        {
            return ApiResult.Error("message_not_found");
        }

        var permalink = $"https://{team.Domain}.slack.com/archives/{channel.Id}/p{message.Ts.Replace(".", "", StringComparison.Ordinal)}";
        if (message.IsReply)
        {
            permalink += $"?thread_ts={message.ThreadTs}&cid={channel.Id}";
        }

        return ApiResult.Ok(new JsonObject { ["channel"] = channel.Id, ["permalink"] = permalink });
    }

    /// <summary>text or blocks must be there (no_text), and blocks must be within Block Kit's limits (invalid_blocks).</summary>
    private static ApiResult? CheckContent(ApiCall call)
    {
        var blocks = call.Node("blocks");
        if (blocks is JsonValue)
        {
            return ApiResult.Error("invalid_blocks_format");
        }

        var hasBlocks = blocks is JsonArray { Count: > 0 };
        if (call.Str("text") is null && !hasBlocks && call.Node("attachments") is null)
        {
            return ApiResult.Error("no_text");
        }

        if (blocks is not null)
        {
            var problems = BlockKitRules.CheckMessageBlocks(blocks);
            if (problems.Count > 0)
            {
                return ApiResult.Error("invalid_blocks", problems);
            }
        }

        return null;
    }

    /// <summary>Message metadata is <c>{"event_type": "…", "event_payload": {…}}</c>.</summary>
    private static ApiResult? CheckMetadata(ApiCall call)
    {
        var metadata = call.Node("metadata");
        if (metadata is null)
        {
            return null;
        }

        var wellFormed = metadata is JsonObject m
            && m["event_type"] is JsonValue type && type.TryGetValue<string>(out var eventType) && eventType.Length > 0
            && m["event_payload"] is JsonObject;
        return wellFormed ? null : ApiResult.Error("invalid_metadata_format");
    }

    /// <summary>The "1 message per second per channel" mode, timed on the harness clock.</summary>
    private static ApiResult? RateLimitForChannel(SlackWorld world, ChannelRecord channel)
    {
        if (!world.OneMessagePerSecondPerChannel || channel.LastBotPostAt is not { } last)
        {
            return null;
        }

        var wait = TimeSpan.FromSeconds(1) - (world.Now - last);
        return wait > TimeSpan.Zero ? ApiResult.RateLimited((int)Math.Ceiling(wait.TotalSeconds)) : null;
    }
}

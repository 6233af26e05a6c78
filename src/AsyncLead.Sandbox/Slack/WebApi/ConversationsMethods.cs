using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>conversations.open, .info, .members, .replies, .history.</summary>
internal static class ConversationsMethods
{
    public static ApiResult Open(ApiCall call)
    {
        var team = call.Team;
        if (call.Str("channel") is { } channelId)
        {
            var existing = call.World.FindChannel(team, channelId);
            return existing is null
                ? ApiResult.Error("channel_not_found")
                : ApiResult.Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = existing.Id } });
        }

        var userIds = (call.Str("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (userIds.Length == 0)
        {
            return ApiResult.Error("users_list_not_supplied");
        }

        var users = new List<UserRecord>();
        foreach (var id in userIds)
        {
            var user = call.World.FindUser(team, id);
            if (user is null)
            {
                return ApiResult.Error("user_not_found");
            }

            if (user.Deleted)
            {
                return ApiResult.Error("user_disabled");
            }

            if (user.IsBot)
            {
                return ApiResult.Error("cannot_dm_bot");
            }

            users.Add(user);
        }

        var alreadyOpen = users.Count == 1 && call.World.Channels.Values.Any(c => c.TeamId == team.TeamId && c.ImUserId == users[0].Id);
        var channel = users.Count == 1 ? call.World.ImWith(team, users[0]) : GroupDm(call.World, team, users);
        var result = new JsonObject { ["channel"] = call.Flag("return_im") ? Describe(channel, team) : new JsonObject { ["id"] = channel.Id } };
        if (alreadyOpen)
        {
            result["no_op"] = true;
            result["already_open"] = true;
        }

        return ApiResult.Ok(result);
    }

    public static ApiResult Info(ApiCall call)
    {
        var channel = Visible(call);
        return channel is null
            ? ApiResult.Error("channel_not_found")
            : ApiResult.Ok(new JsonObject { ["channel"] = Describe(channel, call.Team) });
    }

    public static ApiResult Members(ApiCall call)
    {
        var channel = Visible(call);
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        var members = channel.Members.Order(StringComparer.Ordinal).ToList();
        if (channel.BotIsMember && !members.Contains(call.Team.BotUserId))
        {
            members.Add(call.Team.BotUserId);
        }

        return Page(call, members, "user", id => JsonValue.Create(id), members.Count, pageItems =>
            new JsonObject { ["members"] = new JsonArray(pageItems.ToArray()) });
    }

    public static ApiResult Replies(ApiCall call)
    {
        var channel = Visible(call);
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        if (!channel.BotCanAccess)
        {
            return ApiResult.Error("not_in_channel");
        }

        var root = call.Str("ts") is { } ts ? channel.Find(ts) : null;
        if (root is null)
        {
            return ApiResult.Error("thread_not_found");
        }

        var includeMetadata = call.Flag("include_all_metadata");
        // Asked for a reply's ts, Slack answers with that one message; asked for a parent, the whole thread.
        var replies = root.IsReply ? [] : SlackWorld.RepliesOf(channel, root.Ts);
        var thread = replies.Prepend(root).ToList();
        return Page(call, thread, "ts", m => m.ToJson(includeMetadata, m == root ? replies : null), 1000, pageItems =>
            new JsonObject { ["messages"] = new JsonArray(pageItems.ToArray()) });
    }

    public static ApiResult History(ApiCall call)
    {
        var channel = Visible(call);
        if (channel is null)
        {
            return ApiResult.Error("channel_not_found");
        }

        if (!channel.BotCanAccess)
        {
            return ApiResult.Error("not_in_channel");
        }

        var includeMetadata = call.Flag("include_all_metadata");
        var inclusive = call.Flag("inclusive");
        var oldest = call.Str("oldest");
        var latest = call.Str("latest");
        var topLevel = channel.Messages
            .Where(m => !m.Deleted && !m.IsReply)
            .Where(m => oldest is null || Compare(m.Ts, oldest) > 0 || (inclusive && m.Ts == oldest))
            .Where(m => latest is null || Compare(m.Ts, latest) < 0 || (inclusive && m.Ts == latest))
            .Reverse()
            .ToList();
        return Page(call, topLevel, "ts", m => m.ToJson(includeMetadata, SlackWorld.RepliesOf(channel, m.Ts)), 100, pageItems =>
            new JsonObject { ["messages"] = new JsonArray(pageItems.ToArray()) });
    }

    /// <summary>A channel the bot may see: public ones always, private ones only as a member.</summary>
    private static ChannelRecord? Visible(ApiCall call)
    {
        var channel = call.World.FindChannel(call.Team, call.Str("channel"));
        return channel is { IsPrivate: true } && !channel.BotCanAccess ? null : channel;
    }

    private static int Compare(string ts, string other) =>
        decimal.Parse(ts, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(other, CultureInfo.InvariantCulture));

    /// <summary>
    /// Cursor pagination as Slack does it: <c>limit</c> (capped at 1000), an opaque base64 cursor naming the next
    /// item, <c>has_more</c> and <c>response_metadata.next_cursor</c> (empty on the last page).
    /// </summary>
    private static ApiResult Page<T>(ApiCall call, IReadOnlyList<T> items, string cursorKind, Func<T, JsonNode?> toJson, int defaultLimit, Func<IEnumerable<JsonNode?>, JsonObject> wrap)
    {
        var limit = Math.Clamp(call.Int("limit") is { } l and > 0 ? l : defaultLimit, 1, 1000);
        var start = 0;
        if (call.Str("cursor") is { } cursor)
        {
            start = DecodeCursor(cursor, cursorKind);
            if (start < 0 || start >= items.Count)
            {
                return ApiResult.Error("invalid_cursor");
            }
        }

        var page = items.Skip(start).Take(limit).ToList();
        var next = start + page.Count < items.Count ? EncodeCursor(cursorKind, start + page.Count) : "";
        var result = wrap(page.Select(toJson));
        result["has_more"] = next.Length > 0;
        result["response_metadata"] = new JsonObject { ["next_cursor"] = next };
        return ApiResult.Ok(result);
    }

    private static string EncodeCursor(string kind, int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}:{index}"));

    private static int DecodeCursor(string cursor, string kind)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(kind + ":", StringComparison.Ordinal) && int.TryParse(text.AsSpan(kind.Length + 1), out var index) ? index : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }

    private static ChannelRecord GroupDm(SlackWorld world, WorkspaceRecord team, List<UserRecord> users)
    {
        var memberIds = users.Select(u => u.Id).Append(team.BotUserId).ToHashSet(StringComparer.Ordinal);
        var existing = world.Channels.Values.FirstOrDefault(c => c.TeamId == team.TeamId && c.IsMpim && c.Members.SetEquals(memberIds));
        if (existing is not null)
        {
            return existing;
        }

        var mpim = new ChannelRecord
        {
            Id = world.NextId("C"),
            TeamId = team.TeamId,
            Name = "mpdm-" + string.Join("--", users.Select(u => u.Name)) + "-1",
            IsPrivate = true,
            IsMpim = true,
            BotIsMember = true,
            Created = world.Now.ToUnixTimeSeconds(),
        };
        mpim.Members.UnionWith(memberIds);
        world.Channels[mpim.Id] = mpim;
        return mpim;
    }

    private static JsonObject Describe(ChannelRecord channel, WorkspaceRecord team)
    {
        var json = new JsonObject
        {
            ["id"] = channel.Id,
            ["created"] = channel.Created,
            ["is_archived"] = channel.IsArchived,
            ["is_im"] = channel.IsIm,
            ["is_mpim"] = channel.IsMpim,
            ["is_private"] = channel.IsPrivate,
            ["context_team_id"] = team.TeamId,
        };
        if (channel.IsIm)
        {
            json["user"] = channel.ImUserId;
            json["is_open"] = true;
        }
        else
        {
            json["name"] = channel.Name;
            json["is_channel"] = !channel.IsPrivate && !channel.IsMpim;
            json["is_group"] = channel.IsPrivate && !channel.IsMpim;
            json["is_member"] = channel.BotIsMember;
            json["num_members"] = channel.Members.Count + (channel.BotIsMember && !channel.Members.Contains(team.BotUserId) ? 1 : 0);
        }

        return json;
    }
}

using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>
/// dnd.info and dnd.teamInfo, as Slack answers a bot token: they need <c>dnd:read</c> (otherwise <c>missing_scope</c>
/// with what was needed and provided); dnd.teamInfo takes up to 50 users. A person without a DND window gets
/// <c>dnd_enabled: false</c> and 1 for both times, as Slack sends. Snooze is the caller's own only, so a bot hears none.
/// </summary>
internal static class DndMethods
{
    public const string Scope = "dnd:read";

    private const int MaxUsers = 50;

    public static ApiResult Info(ApiCall call)
    {
        if (MissingScope(call.Team) is { } missing)
        {
            return missing;
        }

        var user = call.World.FindUser(call.Team, call.Str("user"));
        if (user is null)
        {
            return ApiResult.Error("user_not_found");
        }

        var status = Describe(user);
        status["snooze_enabled"] = false;
        return ApiResult.Ok(status);
    }

    public static ApiResult TeamInfo(ApiCall call)
    {
        if (MissingScope(call.Team) is { } missing)
        {
            return missing;
        }

        var ids = (call.Str("users") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length == 0)
        {
            return ApiResult.Error("no_users_provided");
        }

        if (ids.Length > MaxUsers)
        {
            return ApiResult.Error("invalid_arguments", [$"[ERROR] no more than {MaxUsers} users at a time [json-pointer:/users]"]);
        }

        var users = new JsonObject();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (call.World.FindUser(call.Team, id) is not { } user)
            {
                return ApiResult.Error("user_not_found");
            }

            users[id] = Describe(user);
        }

        return ApiResult.Ok(new JsonObject { ["users"] = users });
    }

    private static ApiResult? MissingScope(WorkspaceRecord team)
    {
        if (team.Scopes.Contains(Scope, StringComparer.Ordinal))
        {
            return null;
        }

        var result = ApiResult.Error("missing_scope");
        result.Body["needed"] = Scope;
        result.Body["provided"] = string.Join(',', team.Scopes);
        return result;
    }

    private static JsonObject Describe(UserRecord user) => user.Dnd is { } window
        ? new JsonObject
        {
            ["dnd_enabled"] = true,
            ["next_dnd_start_ts"] = window.Start.ToUnixTimeSeconds(),
            ["next_dnd_end_ts"] = window.End.ToUnixTimeSeconds(),
        }
        : new JsonObject { ["dnd_enabled"] = false, ["next_dnd_start_ts"] = 1, ["next_dnd_end_ts"] = 1 };
}

using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.State;

namespace AsyncLead.Sandbox.Slack.WebApi;

internal static class UsersMethods
{
    public static ApiResult Info(ApiCall call)
    {
        var user = call.World.FindUser(call.Team, call.Str("user"));
        return user is null
            ? ApiResult.Error("user_not_found")
            : ApiResult.Ok(new JsonObject { ["user"] = Describe(user, call.World.Now) });
    }

    /// <summary>tz_offset and tz_label are for the clock's "now", so they follow daylight saving time.</summary>
    private static JsonObject Describe(UserRecord user, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(user.TimeZone);
        var offset = zone.GetUtcOffset(now);
        var active = user.StatusExpiration is not { } expiry || expiry > now;
        return new JsonObject
        {
            ["id"] = user.Id,
            ["team_id"] = user.TeamId,
            ["name"] = user.Name,
            ["deleted"] = user.Deleted,
            ["real_name"] = user.RealName,
            ["tz"] = user.TimeZone,
            ["tz_label"] = zone.IsDaylightSavingTime(now) ? zone.DaylightName : zone.StandardName,
            ["tz_offset"] = (int)offset.TotalSeconds,
            ["is_admin"] = user.IsAdmin,
            ["is_owner"] = false,
            ["is_bot"] = user.IsBot,
            ["is_app_user"] = false,
            ["updated"] = now.ToUnixTimeSeconds(),
            ["profile"] = new JsonObject
            {
                ["real_name"] = user.RealName,
                ["display_name"] = user.Name,
                ["team"] = user.TeamId,
                // Slack clears a status when it expires; 0 means one that doesn't.
                ["status_text"] = active ? user.StatusText : "",
                ["status_emoji"] = active ? user.StatusEmoji : "",
                ["status_expiration"] = active && user.StatusExpiration is { } until ? until.ToUnixTimeSeconds() : 0,
            },
        };
    }
}

using System.Text.Json.Nodes;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>auth.test, oauth.v2.access and apps.connections.open.</summary>
internal static class AuthMethods
{
    public static ApiResult Test(ApiCall call)
    {
        var team = call.Team;
        return ApiResult.Ok(new JsonObject
        {
            ["url"] = $"https://{team.Domain}.slack.com/",
            ["team"] = team.Name,
            ["user"] = call.World.Users[team.BotUserId].Name,
            ["team_id"] = team.TeamId,
            ["user_id"] = team.BotUserId,
            ["bot_id"] = team.BotId,
            ["is_enterprise_install"] = false,
        });
    }

    /// <summary>Exchanges a code issued by <see cref="FakeSlack.IssueOAuthCode"/> for the workspace's bot token.</summary>
    public static ApiResult OAuthV2Access(ApiCall call)
    {
        var (givenId, givenSecret) = call.BasicCredentials ?? (call.Str("client_id") ?? "", call.Str("client_secret") ?? "");
        if (givenId != call.World.ClientId)
        {
            return ApiResult.Error("invalid_client_id");
        }

        if (givenSecret != call.World.ClientSecret)
        {
            return ApiResult.Error("bad_client_secret");
        }

        if (call.Str("code") is not { } code || !call.World.OAuthCodes.TryGetValue(code, out var grant) || grant.Used)
        {
            return ApiResult.Error("invalid_code");
        }

        if (grant.RedirectUri is not null && call.Str("redirect_uri") != grant.RedirectUri)
        {
            return ApiResult.Error("bad_redirect_uri");
        }

        grant.Used = true;
        var team = call.World.Workspaces[grant.TeamId];
        team.TokenRevoked = false;
        return ApiResult.Ok(new JsonObject
        {
            ["access_token"] = team.BotToken,
            ["token_type"] = "bot",
            ["scope"] = string.Join(',', team.Scopes),
            ["bot_user_id"] = team.BotUserId,
            ["app_id"] = call.World.AppId,
            ["team"] = grant.EnterpriseId is null ? new JsonObject { ["name"] = team.Name, ["id"] = team.TeamId } : null,
            ["enterprise"] = grant.EnterpriseId is { } enterprise ? new JsonObject { ["name"] = $"Org {enterprise}", ["id"] = enterprise } : null,
            ["authed_user"] = new JsonObject { ["id"] = grant.UserId },
            ["is_enterprise_install"] = grant.EnterpriseId is not null,
        });
    }

    /// <summary>Socket Mode: a one-use ws:// URL served by FakeSlack itself.</summary>
    public static ApiResult ConnectionsOpen(ApiCall call)
    {
        var ticket = Guid.NewGuid().ToString();
        call.World.SocketTickets.Add(ticket);
        var url = new UriBuilder(new Uri(call.BaseAddress, "link/"))
        {
            Scheme = "ws",
            Query = $"ticket={ticket}&app_id={call.World.AppId}",
        };
        return ApiResult.Ok(new JsonObject { ["url"] = url.Uri.ToString() });
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AsyncLead.Sandbox.Slack.WebApi;

/// <summary>
/// <c>POST /api/{method}</c>: reads the body the way Slack does (JSON with charset, or form-encoded with nested
/// objects JSON-stringified), checks the token, runs the method, and records the call.
/// </summary>
internal sealed class WebApiEndpoint(SlackWorld world, FakeSlackFaults faults, CallLog<SlackCall> calls, Func<Uri> baseAddress)
{
    private enum TokenKind
    {
        Bot,
        AppLevel,
        ClientCredentials,
    }

    // Arguments that carry structured values; form bodies (and some JSON clients) send them as JSON strings.
    private static readonly string[] StructuredArguments = ["blocks", "attachments", "view", "metadata"];

    private static readonly Dictionary<string, (TokenKind Kind, Func<ApiCall, ApiResult> Run)> Methods = new(StringComparer.Ordinal)
    {
        ["auth.test"] = (TokenKind.Bot, AuthMethods.Test),
        ["chat.postMessage"] = (TokenKind.Bot, ChatMethods.PostMessage),
        ["chat.update"] = (TokenKind.Bot, ChatMethods.Update),
        ["chat.delete"] = (TokenKind.Bot, ChatMethods.Delete),
        ["chat.postEphemeral"] = (TokenKind.Bot, ChatMethods.PostEphemeral),
        ["chat.getPermalink"] = (TokenKind.Bot, ChatMethods.GetPermalink),
        ["views.open"] = (TokenKind.Bot, ViewsMethods.Open),
        ["views.push"] = (TokenKind.Bot, ViewsMethods.Push),
        ["views.update"] = (TokenKind.Bot, ViewsMethods.Update),
        ["views.publish"] = (TokenKind.Bot, ViewsMethods.Publish),
        ["users.info"] = (TokenKind.Bot, UsersMethods.Info),
        ["dnd.info"] = (TokenKind.Bot, DndMethods.Info),
        ["dnd.teamInfo"] = (TokenKind.Bot, DndMethods.TeamInfo),
        ["conversations.open"] = (TokenKind.Bot, ConversationsMethods.Open),
        ["conversations.info"] = (TokenKind.Bot, ConversationsMethods.Info),
        ["conversations.members"] = (TokenKind.Bot, ConversationsMethods.Members),
        ["conversations.replies"] = (TokenKind.Bot, ConversationsMethods.Replies),
        ["conversations.history"] = (TokenKind.Bot, ConversationsMethods.History),
        ["apps.connections.open"] = (TokenKind.AppLevel, AuthMethods.ConnectionsOpen),
        ["oauth.v2.access"] = (TokenKind.ClientCredentials, AuthMethods.OAuthV2Access),
    };

    public async Task HandleAsync(HttpContext http)
    {
        var method = (string)http.Request.RouteValues["method"]!;
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);

        var delay = faults.LatencyFor(method);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, http.RequestAborted);
        }

        var (args, warnings, parseError) = ParseArguments(http.Request, body);
        var (token, basic) = ReadCredentials(http.Request, args, method);

        if (faults.NextFault(method) is { } fault)
        {
            await AnswerFaultAsync(http, method, token, args, fault);
            return;
        }

        string? teamId = null;
        string? scopes = null;
        ApiResult result;
        if (parseError is not null)
        {
            result = ApiResult.Error(parseError);
        }
        else if (!Methods.TryGetValue(method, out var entry))
        {
            result = ApiResult.Error("unknown_method");
        }
        else
        {
            lock (world.Gate)
            {
                var (workspace, authError) = Authenticate(entry.Kind, token, http.Request.Headers.Authorization.Count > 0);
                teamId = workspace?.TeamId;
                scopes = workspace is null ? null : string.Join(',', workspace.Scopes);
                var call = new ApiCall { World = world, Args = args, BaseAddress = baseAddress(), Workspace = workspace, BasicCredentials = basic };
                result = authError is not null ? ApiResult.Error(authError) : entry.Run(call);
            }
        }

        AddWarnings(result.Body, warnings);
        http.Response.StatusCode = result.StatusCode;
        if (result.RetryAfterSeconds is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (scopes is not null)
        {
            // Slack names the token's scopes on every answer to a bot token.
            http.Response.Headers["X-OAuth-Scopes"] = scopes;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        var recorded = new SlackCall(method, token, teamId, args, result.StatusCode, result.Body, world.Now);
        calls.Add(recorded);
        await faults.WaitWhileHeldAsync(recorded, http.RequestAborted);
        var answerDelay = faults.AnswerDelayFor(method);
        if (answerDelay > TimeSpan.Zero)
        {
            await Task.Delay(answerDelay, http.RequestAborted);
        }

        await http.Response.WriteAsync(result.Body.ToJsonString(), http.RequestAborted);
    }

    private (WorkspaceRecord? Workspace, string? Error) Authenticate(TokenKind kind, string? token, bool fromHeader)
    {
        if (kind == TokenKind.ClientCredentials)
        {
            return (null, null);
        }

        if (token is null || (kind == TokenKind.AppLevel && !fromHeader))
        {
            return (null, "not_authed");
        }

        var isAppToken = world.AppTokens.Contains(token);
        var workspace = world.WorkspaceByToken(token);
        return kind switch
        {
            TokenKind.AppLevel when isAppToken => (null, null),
            TokenKind.AppLevel when workspace is not null => (null, "not_allowed_token_type"),
            TokenKind.Bot when isAppToken => (null, "not_allowed_token_type"),
            TokenKind.Bot when workspace is { TokenRevoked: true } => (null, "token_revoked"),
            TokenKind.Bot when workspace is not null => (workspace, null),
            _ => (null, "invalid_auth"),
        };
    }

    private static (JsonObject Args, List<string> Warnings, string? Error) ParseArguments(HttpRequest request, string body)
    {
        var args = new JsonObject();
        var warnings = new List<string>();
        foreach (var (name, value) in request.Query)
        {
            args[name] = value.ToString();
        }

        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType);
        switch (contentType?.MediaType)
        {
            case "application/json":
                if (contentType.CharSet is null)
                {
                    warnings.Add("missing_charset");
                }

                if (body.Length > 0)
                {
                    try
                    {
                        if (JsonNode.Parse(body) is not JsonObject json)
                        {
                            return (args, warnings, "invalid_json");
                        }

                        foreach (var (name, value) in json)
                        {
                            args[name] = value?.DeepClone();
                        }
                    }
                    catch (JsonException)
                    {
                        return (args, warnings, "invalid_json");
                    }
                }

                break;
            case "application/x-www-form-urlencoded":
                if (contentType.CharSet is not null)
                {
                    warnings.Add("superfluous_charset");
                }

                foreach (var (name, value) in QueryHelpers.ParseQuery(body))
                {
                    args[name] = value.ToString();
                }

                break;
        }

        foreach (var name in StructuredArguments)
        {
            if (args[name] is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > 0)
            {
                args[name] = TryParse(s) ?? text.DeepClone();
            }
        }

        return (args, warnings, null);
    }

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Bearer header first; a form body's <c>token</c> field also counts, except for apps.connections.open.</summary>
    private static (string? Token, (string Id, string Secret)? Basic) ReadCredentials(HttpRequest request, JsonObject args, string method)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return (header["Bearer ".Length..].Trim(), null);
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return (null, colon < 0 ? null : (decoded[..colon], decoded[(colon + 1)..]));
        }

        var isForm = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var formToken = isForm && method != "apps.connections.open" && args["token"] is JsonValue t ? t.GetValue<string>() : null;
        return (formToken, null);
    }

    private async Task AnswerFaultAsync(HttpContext http, string method, string? token, JsonObject args, FakeSlackFaults.InjectedFault fault)
    {
        http.Response.StatusCode = fault.StatusCode;
        JsonObject recorded;
        if (fault.RetryAfterSeconds is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            recorded = ApiResult.RateLimited(retryAfter).Body;
            http.Response.ContentType = "application/json; charset=utf-8";
            calls.Add(new SlackCall(method, token, null, args, fault.StatusCode, recorded, world.Now));
            await http.Response.WriteAsync(recorded.ToJsonString(), http.RequestAborted);
            return;
        }

        // Slack's 5xx pages are not JSON; a client must not expect {"ok":…} there.
        http.Response.ContentType = "text/plain; charset=utf-8";
        calls.Add(new SlackCall(method, token, null, args, fault.StatusCode, [], world.Now));
        await http.Response.WriteAsync(fault.StatusCode == 503 ? "Service Unavailable" : "Internal Server Error", http.RequestAborted);
    }

    private static void AddWarnings(JsonObject body, List<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        body["warning"] = string.Join(',', warnings);
        if (body["response_metadata"] is not JsonObject metadata)
        {
            metadata = [];
            body["response_metadata"] = metadata;
        }

        metadata["warnings"] = new JsonArray(warnings.Select(w => (JsonNode?)JsonValue.Create(w)).ToArray());
    }
}

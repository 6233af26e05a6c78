using System.Security.Cryptography;
using System.Text;
using AsyncLead.Slack;
using AsyncLead.Slack.WebApi;
using AsyncLead.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AsyncLead.Features.Install;

/// <summary>
/// Multi-workspace OAuth v2: <c>GET /slack/install</c> sends the browser to Slack with a CSRF <c>state</c> that is also
/// set in a short-lived HttpOnly cookie; <c>GET /slack/oauth/callback</c> accepts only that browser's state, exchanges
/// the code (through <c>Slack__ApiBaseUrl</c>) and stores the install. Every failure is a page saying what to do, never a 5xx.
/// </summary>
public static partial class InstallEndpoints
{
    public const string InstallPath = "/slack/install";
    public const string CallbackPath = "/slack/oauth/callback";
    public const string AuthorizeUrl = "https://slack.com/oauth/v2/authorize";
    internal const string StateCookie = "asynclead_oauth_state";

    // Slack's own SDKs give the person ten minutes on Slack's consent screen.
    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    public static IEndpointRouteBuilder MapInstall(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(InstallPath, Begin);
        endpoints.MapGet(CallbackPath, CompleteAsync);
        return endpoints;
    }

    private static IResult Begin(HttpContext http, IOptions<SlackOptions> slack, IOptions<AsyncLeadOptions> app)
    {
        if (string.IsNullOrWhiteSpace(slack.Value.ClientId) || string.IsNullOrWhiteSpace(slack.Value.ClientSecret))
        {
            return PageLayout.Page("Install not enabled",
                "<h1>Installing to other workspaces is not enabled</h1><p>Set <code>Slack__ClientId</code> and <code>Slack__ClientSecret</code> " +
                "(your app's Basic Information → App Credentials) and restart AsyncLead.</p>", StatusCodes.Status404NotFound);
        }

        var state = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        http.Response.Cookies.Append(StateCookie, state, new CookieOptions
        {
            HttpOnly = true,
            Secure = RedirectUri(http, app.Value).StartsWith("https:", StringComparison.Ordinal),
            // Lax: the cookie must come back on Slack's top-level redirect to the callback.
            SameSite = SameSiteMode.Lax,
            Path = CallbackPath,
            MaxAge = StateLifetime,
        });
        var authorize = QueryHelpers.AddQueryString(AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = slack.Value.ClientId,
            // The optional ones too: the manifest marks them optional, and Slack lets the installer decline them.
            ["scope"] = string.Join(',', SlackScopes.Bot.Concat(SlackScopes.BotOptional)),
            ["user_scope"] = "",
            ["redirect_uri"] = RedirectUri(http, app.Value),
            ["state"] = state,
        });
        return Results.Redirect(authorize);
    }

    private static async Task<IResult> CompleteAsync(HttpContext http, ISlackClient slack, InstallationStore installations,
        InstallationTokenSource tokens, IOptions<AsyncLeadOptions> app, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(InstallEndpoints));
        var query = http.Request.Query;
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = CallbackPath });

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            LogDeclined(logger, error);
            return Failure(StatusCodes.Status403Forbidden, "Install cancelled",
                error == "access_denied"
                    ? "AsyncLead was not installed because the install was cancelled on Slack's page."
                    : $"Slack stopped the install ({error}).");
        }

        if (!StateMatches(query["state"].ToString(), http.Request.Cookies[StateCookie]))
        {
            LogBadState(logger);
            return Failure(StatusCodes.Status400BadRequest, "Install link expired",
                "This install link has expired or was opened in a different browser, so it can't be trusted.");
        }

        if (query["code"].ToString() is not { Length: > 0 } code)
        {
            return Failure(StatusCodes.Status400BadRequest, "Install incomplete", "Slack's answer carried no authorization code.");
        }

        OAuthAccess access;
        try
        {
            access = await slack.OAuth.ExchangeCodeAsync(code, RedirectUri(http, app.Value), ct);
        }
        catch (Exception ex) when (ex is SlackApiException or SlackRateLimitedException or HttpRequestException or TimeoutRejectedException)
        {
            LogExchangeFailed(logger, ex is SlackApiException api ? api.Error : ex.GetType().Name);
            return Failure(StatusCodes.Status400BadRequest, "Install failed",
                $"Slack did not accept the install ({(ex is SlackApiException rejected ? rejected.Error : "Slack could not be reached")}).");
        }

        var (organisationId, organisationName) = access.IsEnterpriseInstall
            ? (access.Enterprise?.Id, access.Enterprise?.Name)
            : (access.Team?.Id, access.Team?.Name);
        if (organisationId is null)
        {
            return Failure(StatusCodes.Status400BadRequest, "Install failed", "Slack's answer named no workspace or organisation.");
        }

        await installations.SaveAsync(
            new Installation(organisationId, organisationName, access.Enterprise?.Id, access.IsEnterpriseInstall, access.BotUserId,
                access.Scope ?? "", access.AuthedUser?.Id, clock.GetUtcNow()),
            access.AccessToken, ct);
        tokens.Forget(organisationId);
        using (logger.BeginScope(new Dictionary<string, object> { ["WorkspaceId"] = organisationId }))
        {
            LogInstalled(logger, organisationId, access.IsEnterpriseInstall);
        }

        return PageLayout.Page("Installed", Success(organisationId, organisationName, access.IsEnterpriseInstall));
    }

    private static string Success(string organisationId, string? organisationName, bool isEnterpriseInstall)
    {
        var name = PageLayout.Encode(organisationName ?? organisationId);
        var html = new StringBuilder();
        html.Append($"<h1>AsyncLead is installed in {name}</h1>");
        if (isEnterpriseInstall)
        {
            html.Append("<p>This is an organisation-wide install: an org admin adds AsyncLead to each workspace from the admin dashboard.</p>");
        }

        html.Append("<h2>What to do next</h2><ol>")
            .Append("<li>In your team channel, invite the bot: <code>/invite @AsyncLead</code></li>")
            .Append("<li>In that channel run <code>/weekly-update setup</code> to choose who writes updates and when.</li>")
            .Append("<li>Write a decision doc for reviewers with <code>/decision</code>.</li>")
            .Append("</ol>");
        return html.ToString();
    }

    private static IResult Failure(int status, string title, string message) =>
        PageLayout.Page(title,
            $"<h1>{PageLayout.Encode(title)}</h1><p>{PageLayout.Encode(message)}</p><p><a href=\"{InstallPath}\">Start the install again</a></p>", status);

    private static bool StateMatches(string fromSlack, string? fromCookie) =>
        fromSlack.Length > 0 && fromCookie is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(fromSlack), Encoding.UTF8.GetBytes(fromCookie));

    /// <summary>Must be the same at authorize and at exchange, and listed in the manifest's redirect_urls.</summary>
    private static string RedirectUri(HttpContext http, AsyncLeadOptions app) =>
        $"{(app.PublicUrl is { Length: > 0 } publicUrl ? publicUrl : $"{http.Request.Scheme}://{http.Request.Host}").TrimEnd('/')}{CallbackPath}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack install declined: {Error}")]
    private static partial void LogDeclined(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install callback with a missing or mismatched state; refused")]
    private static partial void LogBadState(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack install code exchange failed: {Error}")]
    private static partial void LogExchangeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "AsyncLead installed in {WorkspaceId} (org-wide: {IsEnterpriseInstall})")]
    private static partial void LogInstalled(ILogger logger, string workspaceId, bool isEnterpriseInstall);
}

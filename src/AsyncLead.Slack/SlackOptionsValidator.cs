using Microsoft.Extensions.Options;

namespace AsyncLead.Slack;

/// <summary>
/// Catches Slack settings that can't work together, naming the environment variable to fix. Having no Slack settings
/// at all is valid: the host starts and explains what to configure.
/// </summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack__BotToken must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token).");
        }

        if (!string.IsNullOrWhiteSpace(options.AppToken) && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack__AppToken must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write).");
        }

        if (!string.IsNullOrWhiteSpace(options.BotToken) && !options.CanReceive)
        {
            failures.Add("Slack__BotToken is set but Slack__SigningSecret is not, so requests from Slack can't be verified. " +
                         "Copy the Signing Secret from your app's Basic Information page into Slack__SigningSecret " +
                         "(or set Slack__AppToken to use Socket Mode).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Set both Slack__ClientId and Slack__ClientSecret (Basic Information → App Credentials) to enable installs to other workspaces, or neither.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var apiBase) ||
            (apiBase.Scheme != Uri.UriSchemeHttps && apiBase.Scheme != Uri.UriSchemeHttp) ||
            !options.ApiBaseUrl.EndsWith('/'))
        {
            failures.Add($"Slack__ApiBaseUrl must be an absolute http(s) URL ending in '/', like {SlackOptions.DefaultApiBaseUrl} (got \"{options.ApiBaseUrl}\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

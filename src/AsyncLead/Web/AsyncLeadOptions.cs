using Microsoft.Extensions.Options;

namespace AsyncLead.Web;

/// <summary>App-wide settings, bound from the <c>AsyncLead</c> section (env: <c>AsyncLead__*</c>).</summary>
public sealed class AsyncLeadOptions
{
    public const string SectionName = "AsyncLead";

    /// <summary>The public https address Slack and browsers reach us at; used in links we hand out.</summary>
    public string? PublicUrl { get; set; }
}

internal sealed class AsyncLeadOptionsValidator : IValidateOptions<AsyncLeadOptions>
{
    public ValidateOptionsResult Validate(string? name, AsyncLeadOptions options)
    {
        if (options.PublicUrl is { Length: > 0 } url &&
            (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return ValidateOptionsResult.Fail(
                $"AsyncLead__PublicUrl must be an absolute http(s) URL such as https://asynclead.example.com (got \"{url}\").");
        }
        return ValidateOptionsResult.Success;
    }
}

using Microsoft.Extensions.Options;

namespace AsyncLead.Web;

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

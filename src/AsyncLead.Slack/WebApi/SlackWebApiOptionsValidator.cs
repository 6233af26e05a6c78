using Microsoft.Extensions.Options;

namespace AsyncLead.Slack.WebApi;

/// <summary>Checked at start, so a bad setting stops the host instead of the first Slack call.</summary>
internal sealed class SlackWebApiOptionsValidator : IValidateOptions<SlackWebApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackWebApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRetries < 1)
        {
            failures.Add("Slack Web API MaxRetries must be at least 1.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryAfterWait < TimeSpan.Zero)
        {
            failures.Add("Slack Web API retry delays must not be negative.");
        }

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("Slack Web API AttemptTimeout must be at least 10 ms.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

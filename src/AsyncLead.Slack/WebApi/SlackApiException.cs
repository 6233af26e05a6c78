namespace AsyncLead.Slack.WebApi;

/// <summary>Slack answered <c>ok:false</c>. <see cref="Error"/> is Slack's error code (e.g. <c>channel_not_found</c>).</summary>
public class SlackApiException : Exception
{
    public SlackApiException(string method, string error, string? needed = null, string? provided = null)
        : base(Describe(method, error, needed, provided))
    {
        Method = method;
        Error = error;
        Needed = needed;
        Provided = provided;
    }

    /// <summary>The Web API method, e.g. <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    public string Error { get; }

    /// <summary>For <c>missing_scope</c>: the scope the method needs.</summary>
    public string? Needed { get; }

    /// <summary>For <c>missing_scope</c>: the scopes the token has.</summary>
    public string? Provided { get; }

    private static string Describe(string method, string error, string? needed, string? provided) =>
        needed is null
            ? $"Slack {method} failed: {error}."
            : $"Slack {method} failed: {error} (needed: {needed}; provided: {provided}).";
}

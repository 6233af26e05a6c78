using System.Net;
using System.Text;
using System.Web;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>
/// The receiving end for simulator tests: records each request exactly as it arrived on the wire and answers
/// with whatever the test scripted (an empty 200 by default). Stands in for the bot, not for any of our classes.
/// </summary>
public sealed class StandInBot : HttpMessageHandler
{
    private readonly List<ReceivedRequest> _received = [];

    public Func<ReceivedRequest, HttpResponseMessage> Answer { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.OK);

    public IReadOnlyList<ReceivedRequest> Received => _received;

    public ReceivedRequest Last => _received[^1];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var received = new ReceivedRequest(request.RequestUri!.AbsolutePath, headers, body);
        _received.Add(received);
        return Answer(received);
    }
}

public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The form fields, decoded the way a receiver must decode them ('+' is a space).</summary>
    public IReadOnlyDictionary<string, string> Form
    {
        get
        {
            var parsed = HttpUtility.ParseQueryString(Text);
            return parsed.AllKeys.ToDictionary(k => k!, k => parsed[k]!, StringComparer.Ordinal);
        }
    }
}

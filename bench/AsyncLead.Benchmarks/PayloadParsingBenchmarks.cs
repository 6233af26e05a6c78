using System.Net;
using System.Text;
using AsyncLead.Slack.Payloads;
using BenchmarkDotNet.Attributes;

namespace AsyncLead.Benchmarks;

/// <summary>Turning Slack's wire bodies into typed payloads: what every ack pays after verification.</summary>
[MemoryDiagnoser]
public class PayloadParsingBenchmarks
{
    private readonly byte[] slashCommand = Resource("slash_command.form");
    private readonly byte[] viewSubmission = AsInteractionForm(Resource("view_submission.json"));
    private readonly byte[] blockActions = AsInteractionForm(Resource("block_actions.json"));

    [Benchmark]
    public bool SlashCommand() => SlackPayloadParser.ParseSlashCommand(slashCommand).Succeeded;

    [Benchmark]
    public bool ViewSubmission() => SlackPayloadParser.ParseInteraction(viewSubmission).Succeeded;

    [Benchmark]
    public bool BlockActions() => SlackPayloadParser.ParseInteraction(blockActions).Succeeded;

    private static byte[] AsInteractionForm(byte[] json) =>
        Encoding.UTF8.GetBytes("payload=" + WebUtility.UrlEncode(Encoding.UTF8.GetString(json)));

    private static byte[] Resource(string name)
    {
        using var stream = typeof(PayloadParsingBenchmarks).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing embedded fixture {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

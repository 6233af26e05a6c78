using System.Text;
using AsyncLead.Slack.Verification;
using BenchmarkDotNet.Attributes;

namespace AsyncLead.Benchmarks;

/// <summary>The v0 check every inbound request pays, on Slack's documented example.</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private readonly byte[] body = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
        "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
        "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    [Benchmark]
    public bool Verify() => SlackSignature.Verify(Secret, Timestamp, Signature, body, SignedAt).IsValid;
}

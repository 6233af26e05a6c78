using System.Text;
using AsyncLead.Slack.SocketMode;

namespace AsyncLead.Slack.Tests.SocketMode;

public sealed class SocketModeUnitTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void Backoff_doubles_per_failure_up_to_the_cap(int failures, int fullStepSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(fullStepSeconds / 2.0), ReconnectBackoff.Delay(failures, Initial, Max, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(fullStepSeconds * 0.75), ReconnectBackoff.Delay(failures, Initial, Max, jitter: 0.5));
        Assert.True(ReconnectBackoff.Delay(failures, Initial, Max, jitter: 0.999999) < TimeSpan.FromSeconds(fullStepSeconds));
    }

    [Fact]
    public void Backoff_rejects_nonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(0, Initial, Max, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(1, Initial, Max, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReconnectBackoff.Delay(1, Initial, Max, -0.1));
    }

    [Fact]
    public void Ack_frame_carries_the_envelope_id_and_the_payload_only_when_given()
    {
        Assert.Equal("""{"envelope_id":"e1"}""", Encoding.UTF8.GetString(SocketModeEnvelopes.AckFrame("e1", null)));
        Assert.Equal(
            """{"envelope_id":"e2","payload":{"response_action":"clear"}}""",
            Encoding.UTF8.GetString(SocketModeEnvelopes.AckFrame("e2", """{"response_action":"clear"}"""u8.ToArray())));
    }
}

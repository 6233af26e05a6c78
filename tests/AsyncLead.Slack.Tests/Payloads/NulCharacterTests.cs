using System.Text;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Slack.Tests.Payloads;

/// <summary>PostgreSQL text can't hold U+0000, and Slack never sends it: a forged one is dropped where strings enter.</summary>
public sealed class NulCharacterTests
{
    [Fact]
    public void A_nul_in_a_slash_command_field_is_dropped()
    {
        var command = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(
            "team_id=T1&channel_id=C1&user_id=U1&command=%2Fweekly-update&text=done%00+it&trigger_id=1.2.3&response_url=http%3A%2F%2F127.0.0.1%2Fr"));

        Assert.True(command.Succeeded, command.Error);
        Assert.Equal("done it", command.Value!.Text);
    }

    [Fact]
    public void A_nul_escaped_in_json_is_dropped()
    {
        var events = SlackPayloadParser.ParseEvents(Encoding.UTF8.GetBytes(
            """{"type":"event_callback","team_id":"T1\u0000","event_id":"Ev\u00001","event_time":1,"event":{"type":"app_uninstalled"}}"""));

        var callback = Assert.IsType<EventCallbackPayload>(events.Value);
        Assert.Equal("Ev1", callback.EventId);
        Assert.Equal("T1", callback.TeamId);
    }
}

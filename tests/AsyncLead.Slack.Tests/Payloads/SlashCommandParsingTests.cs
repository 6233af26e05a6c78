using System.Text;
using System.Text.Json;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Tests.Fixtures;

namespace AsyncLead.Slack.Tests.Payloads;

public sealed class SlashCommandParsingTests
{
    [Fact]
    public void Form_body_parses_every_field_and_decodes_the_text()
    {
        var result = SlackPayloadParser.ParseSlashCommand(Fixture.Bytes("slash_command.form"));

        Assert.True(result.Succeeded, result.Error);
        var command = result.Value;
        Assert.Equal("/weekly-update", command.Command);
        Assert.Equal("shipped the importer & fixed <@U0AL5BOB>'s bug", command.Text);
        Assert.Equal("T0AL5LEAD", command.TeamId);
        Assert.Equal("asynclead-dev", command.TeamDomain);
        Assert.Null(command.EnterpriseId);
        Assert.Equal("C0AL5TEAM", command.ChannelId);
        Assert.Equal("team-platform", command.ChannelName);
        Assert.Equal("U0AL5ALICE", command.UserId);
        Assert.Equal("alice", command.UserName);
        Assert.Equal("https://hooks.slack.com/commands/T0AL5LEAD/7001/xRespUrl01", command.ResponseUrl);
        Assert.Equal("7001.7002.f00dfeed01", command.TriggerId);
        Assert.Equal("A0AL5APP1", command.ApiAppId);
        Assert.False(command.IsEnterpriseInstall);
    }

    [Fact]
    public void Org_install_form_carries_enterprise_and_is_enterprise_install()
    {
        var result = SlackPayloadParser.ParseSlashCommand(Fixture.Bytes("slash_command_org.form"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("/decision", result.Value.Command);
        Assert.Equal("", result.Value.Text);
        Assert.Equal("E0AL5ORG1", result.Value.EnterpriseId);
        Assert.Equal("AsyncLead Org Inc", result.Value.EnterpriseName);
        Assert.True(result.Value.IsEnterpriseInstall);
    }

    [Fact]
    public void Docs_example_with_unencoded_slash_parses()
    {
        // Slack's docs example sends the command unencoded: command=/weather
        var body = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example&enterprise_id=E0001" +
                   "&enterprise_name=Globular%20Construct%20Inc&channel_id=C2147483705&channel_name=test&user_id=U2147483697" +
                   "&user_name=Steve&command=/weather&text=94070&response_url=https://hooks.slack.com/commands/1234/5678" +
                   "&trigger_id=13345224609.738474920.8088930838d88f008e0";

        var result = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("/weather", result.Value.Command);
        Assert.Equal("94070", result.Value.Text);
        Assert.Equal("Globular Construct Inc", result.Value.EnterpriseName);
    }

    [Fact]
    public void Socket_mode_json_payload_parses_like_the_form()
    {
        using var json = JsonDocument.Parse("""
            {"token":"verification-token","team_id":"T0AL5LEAD","team_domain":"asynclead-dev","channel_id":"C0AL5TEAM",
             "channel_name":"team-platform","user_id":"U0AL5ALICE","user_name":"alice","command":"/weekly-update","text":"",
             "api_app_id":"A0AL5APP1","is_enterprise_install":"true","response_url":"https://hooks.slack.com/commands/T0AL5LEAD/1/x",
             "trigger_id":"111.222.xxx"}
            """);

        var result = SlackPayloadParser.ParseSlashCommand(json.RootElement);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("/weekly-update", result.Value.Command);
        Assert.Equal("111.222.xxx", result.Value.TriggerId);
        Assert.True(result.Value.IsEnterpriseInstall);
    }

    [Theory]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1", "command")]
    [InlineData("command=%2Fx&channel_id=C1&user_id=U1", "team_id")]
    [InlineData("command=%2Fx&team_id=T1&user_id=U1", "channel_id")]
    [InlineData("command=%2Fx&team_id=T1&channel_id=C1&user_id=", "user_id")]
    public void Missing_required_field_is_a_failure_naming_it(string body, string field)
    {
        var result = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.Contains(field, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%&&&===")]
    [InlineData("\u0000\u0001binary")]
    [InlineData("{\"command\":\"/x\"}")]
    public void Garbage_is_a_failure_not_an_exception(string body)
    {
        var result = SlackPayloadParser.ParseSlashCommand(Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Error);
    }
}

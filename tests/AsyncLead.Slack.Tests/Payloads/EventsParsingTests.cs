using System.Text;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Tests.Fixtures;

namespace AsyncLead.Slack.Tests.Payloads;

public sealed class EventsParsingTests
{
    private static T ParseEnvelope<T>(string fixture)
        where T : EventsApiPayload
    {
        var result = SlackPayloadParser.ParseEvents(Fixture.Bytes(fixture));
        Assert.True(result.Succeeded, result.Error);
        return Assert.IsType<T>(result.Value);
    }

    private static (EventCallbackPayload Callback, T Event) ParseEvent<T>(string fixture)
        where T : SlackEvent
    {
        var callback = ParseEnvelope<EventCallbackPayload>(fixture);
        return (callback, Assert.IsType<T>(callback.Event));
    }

    [Fact]
    public void Url_verification_exposes_the_challenge()
    {
        var payload = ParseEnvelope<UrlVerificationPayload>("events_url_verification.json");

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", payload.Challenge);
    }

    [Fact]
    public void App_home_opened_with_envelope_fields_and_published_view()
    {
        var (callback, home) = ParseEvent<AppHomeOpenedEvent>("event_app_home_opened.json");

        Assert.Equal("event_callback", callback.Type);
        Assert.Equal("Ev0AL5HOME1", callback.EventId);
        Assert.Equal(1718000800L, callback.EventTime);
        Assert.Equal("T0AL5LEAD", callback.TeamId);
        Assert.Equal("A0AL5APP1", callback.ApiAppId);
        var authorization = Assert.Single(callback.Authorizations);
        Assert.Equal("U0AL5BOT", authorization.UserId);
        Assert.True(authorization.IsBot);
        Assert.Equal("U0AL5ALICE", home.User);
        Assert.Equal("D0AL5DM01", home.Channel);
        Assert.Equal("home", home.Tab);
        Assert.Equal("1718000800.a1b2c3d4", home.View?.Hash);
        Assert.Equal("1718000800.510671", home.EventTs);
    }

    [Fact]
    public void Org_install_app_home_opened_has_null_team_in_authorizations()
    {
        var (callback, home) = ParseEvent<AppHomeOpenedEvent>("event_app_home_opened_org.json");

        Assert.Equal("E0AL5ORG1", callback.EnterpriseId);
        var authorization = Assert.Single(callback.Authorizations);
        Assert.Null(authorization.TeamId);
        Assert.Equal("E0AL5ORG1", authorization.EnterpriseId);
        Assert.True(authorization.IsEnterpriseInstall);
        Assert.Equal("messages", home.Tab);
        Assert.Null(home.View);
    }

    [Fact]
    public void Thread_reply_message_from_a_person()
    {
        var (callback, message) = ParseEvent<MessageEvent>("event_message_thread_reply.json");

        Assert.Equal("1-message-T0AL5LEAD-C0AL5TEAM", callback.EventContext);
        Assert.Null(message.Subtype);
        Assert.Equal("U0AL5BOB", message.User);
        Assert.Equal("Blocked on the staging database", message.Text);
        Assert.Equal("1718001000.001400", message.Ts);
        Assert.Equal("1718000000.000100", message.ThreadTs);
        Assert.Equal("C0AL5TEAM", message.Channel);
        Assert.Equal("channel", message.ChannelType);
        Assert.Equal("968c94da-c271-4f2a-8ec9-12a9985e5df4", message.ClientMsgId);
        Assert.Equal("rich_text", message.Blocks?[0].GetProperty("type").GetString());
        Assert.False(message.IsFromBot);
    }

    [Fact]
    public void App_bot_message_is_from_a_bot()
    {
        var (_, message) = ParseEvent<MessageEvent>("event_message_bot.json");

        Assert.Equal("B0AL5BOT1", message.BotId);
        Assert.Null(message.ThreadTs);
        Assert.True(message.IsFromBot);
    }

    [Fact]
    public void Classic_bot_message_subtype_is_from_a_bot()
    {
        var (_, message) = ParseEvent<MessageEvent>("event_message_classic_bot.json");

        Assert.Equal("bot_message", message.Subtype);
        Assert.Null(message.BotId);
        Assert.True(message.IsFromBot);
    }

    [Fact]
    public void App_uninstalled()
    {
        var (callback, uninstalled) = ParseEvent<AppUninstalledEvent>("event_app_uninstalled.json");

        Assert.Equal("app_uninstalled", uninstalled.Type);
        Assert.Equal("T0AL5LEAD", callback.TeamId);
        Assert.Empty(callback.Authorizations);
    }

    [Fact]
    public void Tokens_revoked_lists_user_ids_and_may_lack_a_team()
    {
        var (callback, revoked) = ParseEvent<TokensRevokedEvent>("event_tokens_revoked.json");

        Assert.Null(callback.TeamId);
        Assert.Equal("E0AL5ORG1", callback.EnterpriseId);
        Assert.Equal(["W0AL5ALICE"], revoked.Tokens.Oauth);
        Assert.Equal(["W0AL5BOT"], revoked.Tokens.Bot);
    }

    [Fact]
    public void User_change_carries_time_zone_and_flags()
    {
        var (_, change) = ParseEvent<UserChangeEvent>("event_user_change.json");

        Assert.Equal("U0AL5BOB", change.User.Id);
        Assert.Equal("America/New_York", change.User.Tz);
        Assert.Equal(-14400, change.User.TzOffset);
        Assert.Equal("Bob Builder", change.User.RealName);
        Assert.False(change.User.Deleted);
        Assert.False(change.User.IsBot);
    }

    [Fact]
    public void Unmodelled_event_type_parses_as_unknown_event_with_its_raw_json()
    {
        var (callback, unknown) = ParseEvent<UnknownEvent>("event_reaction_added.json");

        Assert.Equal("Ev0AL5REACT", callback.EventId);
        Assert.Equal("reaction_added", unknown.Type);
        Assert.Equal("1718001500.000400", unknown.EventTs);
        Assert.Equal("eyes", unknown.Raw.GetProperty("reaction").GetString());
    }

    [Fact]
    public void Unknown_envelope_type_parses_as_unknown()
    {
        var body = """{"token":"t","team_id":"T0AL5LEAD","minute_rate_limited":1518467820,"api_app_id":"A0AL5APP1","type":"app_rate_limited"}""";

        var result = SlackPayloadParser.ParseEvents(Encoding.UTF8.GetBytes(body));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("app_rate_limited", Assert.IsType<UnknownEventsApiPayload>(result.Value).Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"type\":null}")]
    [InlineData("{\"type\":\"url_verification\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"text\":\"no type\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":\"message\"}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"user_change\",\"user\":\"U1\"}}")]
    [InlineData("{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event_time\":\"soon\",\"event\":{\"type\":\"app_uninstalled\"}}")]
    [InlineData("{\"type\":\"url_verification\",\"challenge\":\"c\"} trailing")]
    public void Malformed_input_is_a_failure_not_an_exception(string body)
    {
        var result = SlackPayloadParser.ParseEvents(Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Truncated_real_payload_is_a_failure()
    {
        var bytes = Fixture.Bytes("event_message_thread_reply.json");

        var result = SlackPayloadParser.ParseEvents(bytes.AsMemory(0, bytes.Length - 10));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Invalid_utf8_is_a_failure()
    {
        byte[] body = [.. "{\"type\":\"url_verification\",\"challenge\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = SlackPayloadParser.ParseEvents(body);

        Assert.False(result.Succeeded);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using AsyncLead.Slack.BlockKit;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;

namespace AsyncLead.Slack.Tests.WebApi;

/// <summary>Each method's arguments as Slack receives them, and Slack's answers (shapes from Slack's docs and SDK fixtures) as we read them.</summary>
public sealed class WebApiMethodsTests : IAsyncLifetime
{
    private const string Team = "T0AAAAAAA";
    private const string Token = "xoxb-1111-aaaa-secret";

    private LoopbackSlack _server = null!;
    private SlackClientHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackSlack.StartAsync();
        _host = SlackClientHost.Create(_server.ApiBaseUrl);
        _host.Tokens.Add(Team, Token);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _server.DisposeAsync();
    }

    private ISlackApi Slack => _host.Slack.ForWorkspace(Team);

    [Fact]
    public async Task Post_message_sends_thread_blocks_metadata_and_unfurl_flags()
    {
        _server.Script(Reply.Ok(new JsonObject { ["channel"] = "C0CHAN001", ["ts"] = "1741000001.000200", ["message"] = new JsonObject { ["text"] = "x" } }));

        await Slack.Chat.PostMessageAsync(new PostMessageRequest("C0CHAN001", "Ana's update")
        {
            ThreadTs = "1741000000.000100",
            Blocks = [Blocks.Section("*Completed*")],
            Metadata = new MessageMetadata("asynclead_update", new JsonObject { ["update_id"] = "upd-42" }),
            UnfurlLinks = false,
            UnfurlMedia = false,
        });

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"channel":"C0CHAN001","text":"Ana's update","thread_ts":"1741000000.000100",
                 "blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*Completed*"}}],
                 "metadata":{"event_type":"asynclead_update","event_payload":{"update_id":"upd-42"}},
                 "unfurl_links":false,"unfurl_media":false}
                """),
            Assert.Single(_server.Requests).Json));
    }

    [Fact]
    public async Task Blocks_and_text_are_fitted_to_slacks_limits_before_sending()
    {
        _server.Script(Reply.Ok(new JsonObject { ["channel"] = "C1", ["ts"] = "1.1" }));

        await Slack.Chat.PostMessageAsync(new PostMessageRequest("C1", new string('t', 40_001))
        {
            Blocks = [.. Enumerable.Range(1, 60).Select(i => Blocks.Section($"line {i}"))],
        });

        var sent = Assert.Single(_server.Requests).Json;
        Assert.Equal(50, sent["blocks"]!.AsArray().Count);
        Assert.Equal(40_000, sent["text"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Update_delete_ephemeral_and_permalink_send_their_arguments()
    {
        _server.Script(
            Reply.Ok(new JsonObject { ["channel"] = "C1", ["ts"] = "1.1", ["text"] = "edited" }),
            Reply.Ok(new JsonObject { ["channel"] = "C1", ["ts"] = "1.1" }),
            Reply.Ok(new JsonObject { ["message_ts"] = "1.5" }),
            Reply.Ok(new JsonObject { ["channel"] = "C1", ["permalink"] = "https://team.slack.com/archives/C1/p11" }));

        var updated = await Slack.Chat.UpdateAsync(new UpdateMessageRequest("C1", "1.1", "edited") { Blocks = [Blocks.Divider()] });
        await Slack.Chat.DeleteAsync("C1", "1.1");
        var ephemeralTs = await Slack.Chat.PostEphemeralAsync(new EphemeralMessageRequest("C1", "U0AAAA001", "only you") { ThreadTs = "1.0" });
        var link = await Slack.Chat.GetPermalinkAsync("C1", "1.1");

        Assert.Equal(new PostedMessage("C1", "1.1"), updated);
        Assert.Equal("1.5", ephemeralTs);
        Assert.Equal(new Uri("https://team.slack.com/archives/C1/p11"), link);
        var requests = _server.Requests;
        Assert.Equal(["chat.update", "chat.delete", "chat.postEphemeral", "chat.getPermalink"], requests.Select(r => r.Method));
        Assert.Equal("""{"channel":"C1","ts":"1.1","text":"edited","blocks":[{"type":"divider"}]}""", requests[0].Body);
        Assert.Equal("""{"channel":"C1","ts":"1.1"}""", requests[1].Body);
        Assert.Equal("""{"channel":"C1","user":"U0AAAA001","text":"only you","thread_ts":"1.0"}""", requests[2].Body);
        Assert.Equal("channel=C1&message_ts=1.1", requests[3].Body);
    }

    [Fact]
    public async Task Views_are_opened_pushed_updated_and_published_fitted_to_limits()
    {
        _server.Respond(request => Reply.Ok(new JsonObject
        {
            ["view"] = new JsonObject { ["id"] = "V0VIEW001", ["hash"] = "156772938.1827394", ["external_id"] = "decision-42", ["type"] = "modal" },
        }));
        var modal = new ModalView(new PlainText("A title far longer than twenty-four"), [Blocks.Section("Body")]) { ExternalId = "decision-42" };

        var opened = await Slack.Views.OpenAsync("trigger-1", modal);
        await Slack.Views.PushAsync("trigger-2", modal);
        await Slack.Views.UpdateAsync("V0VIEW001", modal, hash: "156772938.1827394");
        await Slack.Views.UpdateByExternalIdAsync("decision-42", modal);
        await Slack.Views.PublishAsync("U0AAAA001", new HomeView([Blocks.Header("Home")]), hash: "h1");

        Assert.Equal(new ViewHandle("V0VIEW001", "156772938.1827394") { ExternalId = "decision-42" }, opened);
        var requests = _server.Requests;
        Assert.Equal(["views.open", "views.push", "views.update", "views.update", "views.publish"], requests.Select(r => r.Method));
        Assert.All(requests, r => Assert.Equal("application/json; charset=utf-8", r.ContentType));
        Assert.Equal("trigger-1", requests[0].Json["trigger_id"]!.GetValue<string>());
        Assert.Equal(24, requests[0].Json["view"]!["title"]!["text"]!.GetValue<string>().Length);
        Assert.Equal("trigger-2", requests[1].Json["trigger_id"]!.GetValue<string>());
        Assert.Equal(("V0VIEW001", "156772938.1827394"), (requests[2].Json["view_id"]!.GetValue<string>(), requests[2].Json["hash"]!.GetValue<string>()));
        Assert.Equal("decision-42", requests[3].Json["external_id"]!.GetValue<string>());
        Assert.Null(requests[3].Json["view_id"]);
        Assert.Equal(("U0AAAA001", "h1", "home"), (requests[4].Json["user_id"]!.GetValue<string>(), requests[4].Json["hash"]!.GetValue<string>(), requests[4].Json["view"]!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Users_info_reads_the_time_zone()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"user":{"id":"U0AAAA001","team_id":"T0AAAAAAA","name":"ana","deleted":false,"real_name":"Ana Lima",
             "tz":"America/Sao_Paulo","tz_label":"Brasilia Standard Time","tz_offset":-10800,"is_bot":false,
             "profile":{"display_name":"ana.l","real_name":"Ana Lima","email":"ana@example.com"},"updated":1741000000}}
            """)!.AsObject()));

        var user = await Slack.Users.InfoAsync("U0AAAA001");

        Assert.Equal(("U0AAAA001", "T0AAAAAAA", "ana", "Ana Lima"), (user.Id, user.TeamId, user.Name, user.RealName));
        Assert.Equal(("America/Sao_Paulo", "Brasilia Standard Time", -10800), (user.Tz, user.TzLabel, user.TzOffset));
        Assert.False(user.IsBot || user.Deleted);
        Assert.Equal("ana.l", user.Profile!.DisplayName);
    }

    [Fact]
    public async Task Conversations_open_returns_the_dm_channel()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""{"no_op":true,"already_open":true,"channel":{"id":"D0DM00001"}}""")!.AsObject()));

        var channel = await Slack.Conversations.OpenDirectMessageAsync("U0AAAA001");

        Assert.Equal("D0DM00001", channel);
        Assert.Equal("""{"users":"U0AAAA001"}""", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task Conversation_members_follow_the_cursor_across_pages()
    {
        _server.Script(
            Reply.Ok(JsonNode.Parse("""{"members":["U01","U02"],"response_metadata":{"next_cursor":"e3VzZXJfaWQ6IFUwMn0="}}""")!.AsObject()),
            Reply.Ok(JsonNode.Parse("""{"members":["U03"],"response_metadata":{"next_cursor":""}}""")!.AsObject()));

        var members = await Slack.Conversations.MembersAsync("C0CHAN001").ToListAsync();

        Assert.Equal(["U01", "U02", "U03"], members);
        var requests = _server.Requests;
        Assert.Equal("channel=C0CHAN001&limit=200", requests[0].Body);
        Assert.Equal("e3VzZXJfaWQ6IFUwMn0=", requests[1].Form["cursor"]);
    }

    [Fact]
    public async Task Thread_replies_ask_for_metadata_and_read_it_back()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"messages":[
              {"type":"message","user":"U0BOT","bot_id":"B0BOT","app_id":"A0ASYNC","text":"Week of 3 March","ts":"1.0","thread_ts":"1.0"},
              {"type":"message","subtype":"bot_message","bot_id":"B0BOT","text":"Ana's update","ts":"1.1","thread_ts":"1.0",
               "metadata":{"event_type":"asynclead_update","event_payload":{"update_id":"upd-42","attempt":2}}},
              {"type":"message","user":"U0AAAA002","text":"thanks","ts":"1.2","thread_ts":"1.0","metadata":{"event_type":"other_app"}}],
             "has_more":false,"response_metadata":{"next_cursor":""}}
            """)!.AsObject()));

        var messages = await Slack.Conversations.RepliesAsync("C0CHAN001", "1.0", includeAllMetadata: true).ToListAsync();

        Assert.Equal(["1.0", "1.1", "1.2"], messages.Select(m => m.Ts));
        Assert.Equal("upd-42", messages[1].Metadata!.EventPayload!["update_id"]!.GetValue<string>());
        Assert.Equal(("bot_message", "B0BOT"), (messages[1].Subtype, messages[1].BotId));
        Assert.Null(messages[2].Metadata!.EventPayload);
        Assert.Equal("channel=C0CHAN001&ts=1.0&limit=15&include_all_metadata=true", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task Conversation_info_reads_membership_and_privacy()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"channel":{"id":"C0CHAN001","name":"team-platform","is_channel":true,"is_group":false,"is_im":false,
             "is_private":false,"is_archived":false,"is_member":true,"created":1700000000}}
            """)!.AsObject()));

        var channel = await Slack.Conversations.InfoAsync("C0CHAN001");

        Assert.Equal(new SlackConversation { Id = "C0CHAN001", Name = "team-platform", IsChannel = true, IsMember = true }, channel);
    }

    [Fact]
    public async Task Auth_test_reads_who_the_token_is()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"url":"https://subarachnoid.slack.com/","team":"Subarachnoid Workspace","user":"bot","team_id":"T0AAAAAAA",
             "user_id":"W23456789","bot_id":"BSLACKBOT","is_enterprise_install":false}
            """)!.AsObject()));

        var identity = await Slack.Auth.TestAsync();

        Assert.Equal(new AuthIdentity("T0AAAAAAA", "W23456789")
        {
            Url = "https://subarachnoid.slack.com/",
            Team = "Subarachnoid Workspace",
            User = "bot",
            BotId = "BSLACKBOT",
        }, identity);
        Assert.Equal("", Assert.Single(_server.Requests).Body);
    }

    [Fact]
    public async Task OAuth_exchanges_the_code_with_client_credentials_over_basic_auth()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"access_token":"xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy","token_type":"bot",
             "scope":"commands,chat:write,users:read","bot_user_id":"U0KRQLJ9H","app_id":"A0KRD7HC3",
             "team":{"name":"Slack Softball Team","id":"T9TK3CUKW"},"enterprise":{"name":"slack-sports","id":"E12345678"},
             "authed_user":{"id":"U1234","scope":"chat:write","access_token":"xoxp-1234","token_type":"user"},
             "is_enterprise_install":false,"expires_in":43200,"refresh_token":"xoxe-1-My0xLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIz"}
            """)!.AsObject()));

        var access = await _host.Slack.OAuth.ExchangeCodeAsync("4724469134.4644010092847.abc", "https://asynclead.example.com/slack/oauth/callback");

        var request = Assert.Single(_server.Requests);
        Assert.Equal("oauth.v2.access", request.Method);
        Assert.Equal(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SlackClientHost.ClientId}:{SlackClientHost.ClientSecret}")),
            request.Authorization);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal(
            new Dictionary<string, string> { ["code"] = "4724469134.4644010092847.abc", ["redirect_uri"] = "https://asynclead.example.com/slack/oauth/callback" },
            request.Form);
        Assert.Equal(("xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "U0KRQLJ9H", "A0KRD7HC3"), (access.AccessToken, access.BotUserId, access.AppId));
        Assert.Equal((new SlackTeam { Id = "T9TK3CUKW", Name = "Slack Softball Team" }, new SlackEnterprise { Id = "E12345678", Name = "slack-sports" }), (access.Team, access.Enterprise));
        Assert.Equal(("xoxe-1-My0xLTE3NjUzNjcyNDgxLTE5ODc0Njk4MzIz", 43200, false), (access.RefreshToken, access.ExpiresIn, access.IsEnterpriseInstall));
        Assert.Equal("U1234", access.AuthedUser!.Id);
        Assert.DoesNotContain("xox", access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OAuth_reads_an_org_wide_install_without_a_team()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""
            {"access_token":"xoxb-org","token_type":"bot","bot_user_id":"U0ORGBOT","app_id":"A0KRD7HC3","team":null,
             "enterprise":{"name":"Org","id":"E0ORG0001"},"authed_user":{"id":"W0ADMIN01"},"is_enterprise_install":true}
            """)!.AsObject()));

        var access = await _host.Slack.OAuth.ExchangeCodeAsync("code", "https://asynclead.example.com/slack/oauth/callback");

        Assert.Null(access.Team);
        Assert.True(access.IsEnterpriseInstall);
        Assert.Equal("E0ORG0001", access.Enterprise!.Id);
    }

    [Fact]
    public async Task OAuth_refresh_trades_the_refresh_token()
    {
        _server.Script(Reply.Ok(JsonNode.Parse("""{"access_token":"xoxe.xoxb-1-new","token_type":"bot","expires_in":43200,"refresh_token":"xoxe-1-next"}""")!.AsObject()));

        var access = await _host.Slack.OAuth.RefreshAsync("xoxe-1-previous");

        Assert.Equal(("xoxe.xoxb-1-new", "xoxe-1-next"), (access.AccessToken, access.RefreshToken));
        Assert.Equal(
            new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "xoxe-1-previous" },
            Assert.Single(_server.Requests).Form);
    }

    [Fact]
    public async Task OAuth_without_client_credentials_fails_before_calling_slack()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, slackSettings: slack => slack.ClientSecret = null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Slack.OAuth.ExchangeCodeAsync("code", "https://x"));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Socket_mode_without_an_app_token_fails_before_calling_slack()
    {
        using var host = SlackClientHost.Create(_server.ApiBaseUrl, slackSettings: slack => slack.AppToken = null);

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Slack.Apps.OpenConnectionAsync());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Apps_connections_open_uses_the_app_level_token_in_the_header()
    {
        _server.Script(Reply.Ok(new JsonObject { ["url"] = "wss://wss-primary.slack.com/link/?ticket=12348&app_id=A0KRD7HC3" }));

        var url = await _host.Slack.Apps.OpenConnectionAsync();

        Assert.Equal(new Uri("wss://wss-primary.slack.com/link/?ticket=12348&app_id=A0KRD7HC3"), url);
        var request = Assert.Single(_server.Requests);
        Assert.Equal($"Bearer {SlackClientHost.AppToken}", request.Authorization);
        Assert.Equal("", request.Body);
    }
}

using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class FakeSlackConversationsTests : FakeSlackScene
{
    [Fact]
    public async Task Members_are_paged_with_an_opaque_cursor_until_next_cursor_is_empty()
    {
        Slack.AddChannel("C_BIG", "big", members: ["U_ALICE", "U_BOB", "U_CAROL", "U_OTHERBOT"], teamId: "T1");
        var seen = new List<string>();
        var pages = 0;
        var cursor = "";
        do
        {
            var args = new JsonObject { ["channel"] = "C_BIG", ["limit"] = 2 };
            if (cursor.Length > 0)
            {
                args["cursor"] = cursor;
            }

            var page = await CallAsync("conversations.members", args);
            Assert.True(page.Ok, page.Body);
            seen.AddRange(page.Json!["members"]!.AsArray().Select(m => m!.GetValue<string>()));
            cursor = page.Json["response_metadata"]!["next_cursor"]!.GetValue<string>();
            pages++;
        }
        while (cursor.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(["U_ALICE", "U_BOB", "U_CAROL", "U_OTHERBOT", Slack.Workspace("T1").BotUserId], seen);
    }

    [Fact]
    public async Task Members_with_a_forged_cursor_answers_invalid_cursor()
    {
        var answer = await CallAsync("conversations.members", new JsonObject { ["channel"] = "C_PAY", ["cursor"] = "bm90LWEtY3Vyc29y" });

        Assert.Equal("invalid_cursor", answer.Error);
    }

    [Fact]
    public async Task Private_channel_the_bot_is_not_in_does_not_exist_for_it()
    {
        var members = await CallAsync("conversations.members", new JsonObject { ["channel"] = "G_SECRET" });
        var info = await CallAsync("conversations.info", new JsonObject { ["channel"] = "G_SECRET" });

        Assert.Equal("channel_not_found", members.Error);
        Assert.Equal("channel_not_found", info.Error);
    }

    [Fact]
    public async Task Info_describes_the_channel_and_the_bots_membership()
    {
        var pay = await CallAsync("conversations.info", new JsonObject { ["channel"] = "C_PAY" });
        var ops = await CallAsync("conversations.info", new JsonObject { ["channel"] = "C_OPS" });

        Assert.Equal("team-payments", pay.Json!["channel"]!["name"]!.GetValue<string>());
        Assert.True(pay.Json["channel"]!["is_member"]!.GetValue<bool>());
        Assert.False(ops.Json!["channel"]!["is_member"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Replies_return_metadata_only_when_asked_with_include_all_metadata()
    {
        var metadata = new JsonObject { ["event_type"] = "asynclead_update", ["event_payload"] = new JsonObject { ["update_id"] = "42" } };
        var parent = await PostAsync("C_PAY", "Week 47");
        await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["thread_ts"] = parent, ["text"] = "Alice's update", ["metadata"] = metadata });

        var withMetadata = await CallAsync("conversations.replies", new JsonObject { ["channel"] = "C_PAY", ["ts"] = parent, ["include_all_metadata"] = true });
        var without = await CallAsync("conversations.replies", new JsonObject { ["channel"] = "C_PAY", ["ts"] = parent });

        var messages = withMetadata.Json!["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.Equal(parent, messages[0]!["ts"]!.GetValue<string>());
        Assert.Equal(1, messages[0]!["reply_count"]!.GetValue<int>());
        Assert.Equal("42", messages[1]!["metadata"]!["event_payload"]!["update_id"]!.GetValue<string>());
        Assert.Equal("asynclead_update", messages[1]!["metadata"]!["event_type"]!.GetValue<string>());
        Assert.Null(without.Json!["messages"]![1]!["metadata"]);
    }

    [Fact]
    public async Task Replies_as_a_form_call_with_string_flag_also_return_metadata()
    {
        var parent = await PostAsync("C_PAY", "Week 47");
        await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["thread_ts"] = parent,
            ["text"] = "update",
            ["metadata"] = new JsonObject { ["event_type"] = "asynclead_update", ["event_payload"] = new JsonObject { ["update_id"] = "7" } },
        });

        var answer = await CallFormAsync("conversations.replies", [("channel", "C_PAY"), ("ts", parent), ("include_all_metadata", "true")]);

        Assert.Equal("7", answer.Json!["messages"]![1]!["metadata"]!["event_payload"]!["update_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Replies_for_an_unknown_ts_answer_thread_not_found()
    {
        var answer = await CallAsync("conversations.replies", new JsonObject { ["channel"] = "C_PAY", ["ts"] = "1763370000.000100" });

        Assert.Equal("thread_not_found", answer.Error);
    }

    [Fact]
    public async Task Replies_in_a_channel_the_bot_is_not_in_answer_not_in_channel()
    {
        var message = Slack.AddMessage("C_OPS", "U_ALICE", "hello");

        var answer = await CallAsync("conversations.replies", new JsonObject { ["channel"] = "C_OPS", ["ts"] = message.Ts });

        Assert.Equal("not_in_channel", answer.Error);
    }

    [Fact]
    public async Task Replies_are_paged_too()
    {
        var parent = await PostAsync("C_PAY", "Week 47");
        for (var i = 0; i < 4; i++)
        {
            await PostAsync("C_PAY", $"reply {i}", threadTs: parent);
        }

        var first = await CallAsync("conversations.replies", new JsonObject { ["channel"] = "C_PAY", ["ts"] = parent, ["limit"] = 3 });
        var second = await CallAsync("conversations.replies", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["ts"] = parent,
            ["limit"] = 3,
            ["cursor"] = first.Json!["response_metadata"]!["next_cursor"]!.GetValue<string>(),
        });

        Assert.True(first.Json["has_more"]!.GetValue<bool>());
        Assert.Equal(3, first.Json["messages"]!.AsArray().Count);
        Assert.False(second.Json!["has_more"]!.GetValue<bool>());
        Assert.Equal(["reply 2", "reply 3"], second.Json["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task History_lists_top_level_messages_newest_first()
    {
        var first = await PostAsync("C_PAY", "first");
        await PostAsync("C_PAY", "in thread", threadTs: first);
        await PostAsync("C_PAY", "second");

        var answer = await CallAsync("conversations.history", new JsonObject { ["channel"] = "C_PAY" });

        Assert.Equal(["second", "first"], answer.Json!["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Open_gives_one_dm_channel_per_person()
    {
        var first = await CallAsync("conversations.open", new JsonObject { ["users"] = "U_ALICE" });
        var again = await CallAsync("conversations.open", new JsonObject { ["users"] = "U_ALICE" });

        var dm = first.Json!["channel"]!["id"]!.GetValue<string>();
        Assert.StartsWith("D", dm, StringComparison.Ordinal);
        Assert.Equal(dm, again.Json!["channel"]!["id"]!.GetValue<string>());
        Assert.True(again.Json["already_open"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("U_NOBODY", "user_not_found")]
    [InlineData("U_CAROL", "user_disabled")]
    [InlineData("U_OTHERBOT", "cannot_dm_bot")]
    public async Task Open_refuses_who_cannot_be_messaged(string user, string error)
    {
        var answer = await CallAsync("conversations.open", new JsonObject { ["users"] = user });

        Assert.Equal(error, answer.Error);
    }

    [Fact]
    public async Task Users_info_gives_the_iana_zone_and_its_offset_at_the_harness_clocks_now()
    {
        var november = await CallAsync("users.info", new JsonObject { ["user"] = "U_ALICE" });
        Clock.SetUtcNow(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var july = await CallAsync("users.info", new JsonObject { ["user"] = "U_ALICE" });
        var bob = await CallAsync("users.info", new JsonObject { ["user"] = "U_BOB" });

        Assert.Equal("Europe/Berlin", november.Json!["user"]!["tz"]!.GetValue<string>());
        Assert.Equal(3600, november.Json["user"]!["tz_offset"]!.GetValue<int>());
        Assert.Equal(7200, july.Json!["user"]!["tz_offset"]!.GetValue<int>());
        Assert.NotEqual(november.Json["user"]!["tz_label"]!.GetValue<string>(), july.Json["user"]!["tz_label"]!.GetValue<string>());
        Assert.Equal(-4 * 3600, bob.Json!["user"]!["tz_offset"]!.GetValue<int>());
    }

    [Fact]
    public async Task Users_info_marks_bots_and_deleted_users()
    {
        var carol = await CallAsync("users.info", new JsonObject { ["user"] = "U_CAROL" });
        var bot = await CallAsync("users.info", new JsonObject { ["user"] = "U_OTHERBOT" });
        var alice = await CallAsync("users.info", new JsonObject { ["user"] = "U_ALICE" });
        var nobody = await CallAsync("users.info", new JsonObject { ["user"] = "U_NOBODY" });

        Assert.True(carol.Json!["user"]!["deleted"]!.GetValue<bool>());
        Assert.True(bot.Json!["user"]!["is_bot"]!.GetValue<bool>());
        Assert.False(alice.Json!["user"]!["is_bot"]!.GetValue<bool>());
        Assert.False(alice.Json["user"]!["deleted"]!.GetValue<bool>());
        Assert.Equal("user_not_found", nobody.Error);
    }

    [Fact]
    public async Task OAuth_code_exchanges_once_for_the_workspaces_bot_token()
    {
        var code = Slack.IssueOAuthCode("T2", "U_ZED", redirectUri: "https://asynclead.example/slack/oauth/callback");
        (string, string)[] fields =
        [
            ("client_id", Slack.ClientId),
            ("client_secret", Slack.ClientSecret),
            ("code", code),
            ("redirect_uri", "https://asynclead.example/slack/oauth/callback"),
        ];

        var exchanged = await CallFormAsync("oauth.v2.access", fields, token: null);
        var again = await CallFormAsync("oauth.v2.access", fields, token: null);

        Assert.True(exchanged.Ok, exchanged.Body);
        Assert.Equal(OtherWorkspaceToken, exchanged.Str("access_token"));
        Assert.Equal("bot", exchanged.Str("token_type"));
        Assert.Equal("T2", exchanged.Json!["team"]!["id"]!.GetValue<string>());
        Assert.Equal("U_ZED", exchanged.Json["authed_user"]!["id"]!.GetValue<string>());
        Assert.Equal("invalid_code", again.Error);
    }

    [Fact]
    public async Task OAuth_checks_client_secret_and_redirect_uri()
    {
        var code = Slack.IssueOAuthCode("T1", "U_ALICE", redirectUri: "https://asynclead.example/slack/oauth/callback");

        var badSecret = await CallFormAsync("oauth.v2.access", [("client_id", Slack.ClientId), ("client_secret", "guess"), ("code", code)], token: null);
        var badRedirect = await CallFormAsync("oauth.v2.access", [("client_id", Slack.ClientId), ("client_secret", Slack.ClientSecret), ("code", code), ("redirect_uri", "https://evil.example/")], token: null);

        Assert.Equal("bad_client_secret", badSecret.Error);
        Assert.Equal("bad_redirect_uri", badRedirect.Error);
    }
}

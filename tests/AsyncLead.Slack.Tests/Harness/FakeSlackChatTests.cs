using System.Globalization;
using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class FakeSlackChatTests : FakeSlackScene
{
    [Fact]
    public async Task PostMessage_answers_channel_ts_and_the_message_and_stores_it()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "Week 47 updates" });

        Assert.True(answer.Ok);
        Assert.Equal("C_PAY", answer.Str("channel"));
        Assert.Matches(@"^\d{10}\.\d{6}$", answer.Str("ts"));
        Assert.Equal(Start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), answer.Str("ts")!.Split('.')[0]);
        Assert.Equal("Week 47 updates", answer.Json!["message"]!["text"]!.GetValue<string>());
        Assert.Equal(Slack.Workspace("T1").BotId, answer.Json["message"]!["bot_id"]!.GetValue<string>());
        var stored = Assert.Single(Slack.Messages("C_PAY"));
        Assert.Equal(answer.Str("ts"), stored.Ts);
        Assert.Equal(Slack.Workspace("T1").BotUserId, stored.User);
    }

    [Fact]
    public async Task Ts_values_strictly_increase_even_when_the_clock_stands_still()
    {
        var first = await PostAsync("C_PAY", "one");
        var second = await PostAsync("C_PAY", "two");
        Clock.Advance(TimeSpan.FromSeconds(5));
        var third = await PostAsync("C_PAY", "three");

        var values = new[] { first, second, third }.Select(ts => decimal.Parse(ts, CultureInfo.InvariantCulture)).ToList();
        Assert.True(values[0] < values[1] && values[1] < values[2], string.Join(" ", values));
        Assert.Equal(Start.AddSeconds(5).ToUnixTimeSeconds(), (long)values[2]);
    }

    [Fact]
    public async Task PostMessage_without_text_or_blocks_answers_no_text()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY" });

        Assert.Equal("no_text", answer.Error);
    }

    [Fact]
    public async Task PostMessage_with_blocks_only_is_accepted()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["blocks"] = new JsonArray(Section("hi")) });

        Assert.True(answer.Ok, answer.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("C_NOWHERE")]
    public async Task PostMessage_to_a_missing_or_unknown_channel_answers_channel_not_found(string? channel)
    {
        var args = new JsonObject { ["text"] = "hi" };
        if (channel is not null)
        {
            args["channel"] = channel;
        }

        var answer = await CallAsync("chat.postMessage", args);

        Assert.Equal("channel_not_found", answer.Error);
    }

    [Fact]
    public async Task PostMessage_where_the_bot_is_not_a_member_answers_not_in_channel()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_OPS", ["text"] = "hi" });

        Assert.Equal("not_in_channel", answer.Error);
        Assert.Empty(Slack.Messages("C_OPS"));
    }

    [Fact]
    public async Task Bot_removed_from_a_channel_can_no_longer_post_there()
    {
        Slack.SetBotMembership("C_PAY", isMember: false);

        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi" });

        Assert.Equal("not_in_channel", answer.Error);
    }

    [Fact]
    public async Task PostMessage_to_a_user_id_lands_in_the_apps_dm_with_them()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "U_ALICE", ["text"] = "Reminder: weekly update" });

        Assert.True(answer.Ok);
        Assert.StartsWith("D", answer.Str("channel"), StringComparison.Ordinal);
        Assert.Equal("Reminder: weekly update", Assert.Single(Slack.Messages("U_ALICE")).Text);
        Assert.Equal("Reminder: weekly update", Assert.Single(Slack.Messages(answer.Str("channel")!)).Text);
    }

    [Fact]
    public async Task Thread_replies_are_kept_apart_from_top_level_messages()
    {
        var parent = await PostAsync("C_PAY", "Week 47");
        var reply = await PostAsync("C_PAY", "Alice's update", threadTs: parent);
        var replyToReply = await PostAsync("C_PAY", "Bob's update", threadTs: reply);

        Assert.Equal(parent, Assert.Single(Slack.Messages("C_PAY")).Ts);
        var replies = Slack.ThreadReplies("C_PAY", parent);
        Assert.Equal([reply, replyToReply], replies.Select(r => r.Ts));
        Assert.All(replies, r => Assert.Equal(parent, r.ThreadTs));
    }

    [Fact]
    public async Task Reply_to_an_unknown_thread_answers_thread_not_found()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "hi", ["thread_ts"] = "1763370000.000100" });

        Assert.Equal("thread_not_found", answer.Error);
    }

    [Fact]
    public async Task Malformed_metadata_answers_invalid_metadata_format()
    {
        var answer = await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["text"] = "hi",
            ["metadata"] = new JsonObject { ["event_payload"] = new JsonObject() },
        });

        Assert.Equal("invalid_metadata_format", answer.Error);
    }

    [Fact]
    public async Task Update_replaces_text_keeps_blocks_when_none_are_sent_and_marks_the_message_edited()
    {
        var posted = await CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "draft", ["blocks"] = new JsonArray(Section("draft")) });
        var ts = posted.Str("ts")!;

        var answer = await CallAsync("chat.update", new JsonObject { ["channel"] = "C_PAY", ["ts"] = ts, ["text"] = "final" });

        Assert.True(answer.Ok, answer.Body);
        var message = Assert.Single(Slack.Messages("C_PAY"));
        Assert.Equal("final", message.Text);
        Assert.True(message.Edited);
        Assert.Single(message.Blocks);
    }

    [Fact]
    public async Task Update_of_someone_elses_message_answers_cant_update_message()
    {
        var alices = Slack.AddMessage("C_PAY", "U_ALICE", "my own words");

        var answer = await CallAsync("chat.update", new JsonObject { ["channel"] = "C_PAY", ["ts"] = alices.Ts, ["text"] = "rewritten" });

        Assert.Equal("cant_update_message", answer.Error);
        Assert.Equal("my own words", Slack.Messages("C_PAY").Single().Text);
    }

    [Fact]
    public async Task Update_or_delete_of_an_unknown_ts_answers_message_not_found()
    {
        var update = await CallAsync("chat.update", new JsonObject { ["channel"] = "C_PAY", ["ts"] = "1763370000.000100", ["text"] = "x" });
        var delete = await CallAsync("chat.delete", new JsonObject { ["channel"] = "C_PAY", ["ts"] = "1763370000.000100" });

        Assert.Equal("message_not_found", update.Error);
        Assert.Equal("message_not_found", delete.Error);
    }

    [Fact]
    public async Task Delete_removes_the_bots_message_but_not_someone_elses()
    {
        var ts = await PostAsync("C_PAY", "oops");
        var alices = Slack.AddMessage("C_PAY", "U_ALICE", "mine");

        var deleted = await CallAsync("chat.delete", new JsonObject { ["channel"] = "C_PAY", ["ts"] = ts });
        var refused = await CallAsync("chat.delete", new JsonObject { ["channel"] = "C_PAY", ["ts"] = alices.Ts });

        Assert.True(deleted.Ok);
        Assert.Equal("cant_delete_message", refused.Error);
        Assert.Equal([alices.Ts], Slack.Messages("C_PAY").Select(m => m.Ts));
    }

    [Fact]
    public async Task PostEphemeral_shows_the_message_to_one_member_only()
    {
        var answer = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C_PAY", ["user"] = "U_ALICE", ["text"] = "Only you can see this" });

        Assert.True(answer.Ok);
        Assert.Matches(@"^\d{10}\.\d{6}$", answer.Str("message_ts"));
        Assert.Equal("Only you can see this", Assert.Single(Slack.Ephemerals("C_PAY", "U_ALICE")).Text);
        Assert.Empty(Slack.Ephemerals("C_PAY", "U_BOB"));
        Assert.Empty(Slack.Messages("C_PAY"));
    }

    [Fact]
    public async Task PostEphemeral_to_a_non_member_or_unknown_user_is_refused()
    {
        var outsider = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C_PAY", ["user"] = "U_CAROL", ["text"] = "x" });
        var unknown = await CallAsync("chat.postEphemeral", new JsonObject { ["channel"] = "C_PAY", ["user"] = "U_NOBODY", ["text"] = "x" });

        Assert.Equal("user_not_in_channel", outsider.Error);
        Assert.Equal("user_not_found", unknown.Error);
    }

    [Fact]
    public async Task GetPermalink_points_at_the_message_in_the_workspace_domain()
    {
        var parent = await PostAsync("C_PAY", "Week 47");
        var reply = await PostAsync("C_PAY", "update", threadTs: parent);

        var top = await CallAsync("chat.getPermalink", new JsonObject { ["channel"] = "C_PAY", ["message_ts"] = parent });
        var inThread = await CallAsync("chat.getPermalink", new JsonObject { ["channel"] = "C_PAY", ["message_ts"] = reply });
        var missing = await CallAsync("chat.getPermalink", new JsonObject { ["channel"] = "C_PAY", ["message_ts"] = "1.000001" });

        Assert.Equal($"https://acme.slack.com/archives/C_PAY/p{parent.Replace(".", "", StringComparison.Ordinal)}", top.Str("permalink"));
        Assert.EndsWith($"?thread_ts={parent}&cid=C_PAY", inThread.Str("permalink"), StringComparison.Ordinal);
        Assert.Equal("message_not_found", missing.Error);
    }

    [Fact]
    public async Task Blocks_without_ids_get_block_and_action_ids_as_in_slack()
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = PlainText("Approve") };
        await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["text"] = "Decision",
            ["blocks"] = new JsonArray(Section("Pick one"), new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray(button) }),
        });

        var blocks = Slack.Messages("C_PAY").Single().Blocks;
        Assert.All(blocks, b => Assert.False(string.IsNullOrEmpty(b!["block_id"]?.GetValue<string>())));
        Assert.False(string.IsNullOrEmpty(blocks[1]!["elements"]![0]!["action_id"]?.GetValue<string>()));
    }

    [Fact]
    public async Task VisibleText_gathers_fallback_text_and_block_texts()
    {
        await CallAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "C_PAY",
            ["text"] = "fallback",
            ["blocks"] = new JsonArray(Section("*Blockers*: none")),
        });

        var text = Slack.Messages("C_PAY").Single().VisibleText;

        Assert.Contains("fallback", text, StringComparison.Ordinal);
        Assert.Contains("*Blockers*: none", text, StringComparison.Ordinal);
    }
}

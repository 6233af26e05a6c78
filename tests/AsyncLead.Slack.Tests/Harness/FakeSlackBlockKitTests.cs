using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>Each Block Kit limit of CONTRACT.md §5, at its edge: exactly the limit passes, one more is refused.</summary>
public sealed class FakeSlackBlockKitTests : FakeSlackScene
{
    [Theory]
    [InlineData("blocks per message", 50, "/blocks", "no more than 50 items")]
    [InlineData("section text", 3000, "/blocks/0/text/text", "less than 3001 characters")]
    [InlineData("section fields", 10, "/blocks/0/fields", "no more than 10 items")]
    [InlineData("section field text", 2000, "/blocks/0/fields/0/text", "less than 2001 characters")]
    [InlineData("header text", 150, "/blocks/0/text/text", "less than 151 characters")]
    [InlineData("actions elements", 25, "/blocks/0/elements", "no more than 25 items")]
    [InlineData("context elements", 10, "/blocks/0/elements", "no more than 10 items")]
    [InlineData("block_id", 255, "/blocks/0/block_id", "less than 256 characters")]
    [InlineData("action_id", 255, "/blocks/0/elements/0/action_id", "less than 256 characters")]
    [InlineData("button text", 75, "/blocks/0/elements/0/text/text", "less than 76 characters")]
    [InlineData("button value", 2000, "/blocks/0/elements/0/value", "less than 2001 characters")]
    [InlineData("button url", 3000, "/blocks/0/elements/0/url", "less than 3001 characters")]
    [InlineData("option text", 75, "/blocks/0/elements/0/options/0/text/text", "less than 76 characters")]
    [InlineData("option value", 150, "/blocks/0/elements/0/options/0/value", "less than 151 characters")]
    [InlineData("select options", 100, "/blocks/0/elements/0/options", "no more than 100 items")]
    [InlineData("placeholder", 150, "/blocks/0/elements/0/placeholder/text", "less than 151 characters")]
    public async Task Message_limit_holds_at_its_edge(string limit, int max, string pointer, string complaint)
    {
        var atLimit = await PostBlocksAsync(MessageBlocks(limit, max));
        var overLimit = await PostBlocksAsync(MessageBlocks(limit, max + 1));

        Assert.True(atLimit.Ok, atLimit.Body);
        Assert.Equal("invalid_blocks", overLimit.Error);
        Assert.Contains(overLimit.Messages, m => m.StartsWith("[ERROR] ", StringComparison.Ordinal)
            && m.Contains(complaint, StringComparison.Ordinal)
            && m.EndsWith($"[json-pointer:{pointer}]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("modal blocks", 100, "/view/blocks", "no more than 100 items")]
    [InlineData("title", 24, "/view/title/text", "less than 25 characters")]
    [InlineData("submit", 24, "/view/submit/text", "less than 25 characters")]
    [InlineData("close", 24, "/view/close/text", "less than 25 characters")]
    [InlineData("private_metadata", 3000, "/view/private_metadata", "less than 3001 characters")]
    [InlineData("callback_id", 255, "/view/callback_id", "less than 256 characters")]
    [InlineData("plain_text_input max_length", 3000, "/view/blocks/0/element/max_length", "less than 3001")]
    [InlineData("input label", 2000, "/view/blocks/0/label/text", "less than 2001 characters")]
    public async Task Modal_limit_holds_at_its_edge(string limit, int max, string pointer, string complaint)
    {
        var atLimit = await OpenAsync(ModalView(limit, max));
        var overLimit = await OpenAsync(ModalView(limit, max + 1));

        Assert.True(atLimit.Ok, atLimit.Body);
        Assert.Equal("invalid_arguments", overLimit.Error);
        Assert.Contains(overLimit.Messages, m => m.Contains(complaint, StringComparison.Ordinal) && m.EndsWith($"[json-pointer:{pointer}]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_tab_takes_100_blocks_not_101()
    {
        var atLimit = await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_ALICE", ["view"] = Home(100) });
        var overLimit = await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_ALICE", ["view"] = Home(101) });

        Assert.True(atLimit.Ok, atLimit.Body);
        Assert.Equal("invalid_arguments", overLimit.Error);
        Assert.Contains("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]", overLimit.Messages);
    }

    [Fact]
    public async Task Modal_with_input_blocks_needs_a_submit_button()
    {
        var view = Modal(Input("done", "Completed", new JsonObject { ["type"] = "plain_text_input" }));
        view.Remove("submit");

        var answer = await OpenAsync(view);

        Assert.Equal("invalid_arguments", answer.Error);
        Assert.Contains(answer.Messages, m => m.Contains("submit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_block_ids_in_a_message_are_refused()
    {
        var first = Section("a");
        first["block_id"] = "same";
        var second = Section("b");
        second["block_id"] = "same";

        var answer = await PostBlocksAsync(new JsonArray(first, second));

        Assert.Equal("invalid_blocks", answer.Error);
        Assert.Contains(answer.Messages, m => m.EndsWith("[json-pointer:/blocks/1/block_id]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_action_ids_within_a_block_are_refused_but_not_across_blocks()
    {
        var sameBlock = await PostBlocksAsync(new JsonArray(Actions(Button("go"), Button("go"))));
        var separateBlocks = await PostBlocksAsync(new JsonArray(Actions(Button("go")), Actions(Button("go"))));

        Assert.Equal("invalid_blocks", sameBlock.Error);
        Assert.Contains(sameBlock.Messages, m => m.EndsWith("[json-pointer:/blocks/0/elements/1/action_id]", StringComparison.Ordinal));
        Assert.True(separateBlocks.Ok, separateBlocks.Body);
    }

    [Fact]
    public async Task Unknown_block_type_is_refused_in_messages_and_views()
    {
        var message = await PostBlocksAsync(new JsonArray(new JsonObject { ["type"] = "carousel" }));
        var view = await OpenAsync(Modal(new JsonObject { ["type"] = "carousel" }));

        Assert.Equal("invalid_blocks", message.Error);
        Assert.Contains("[ERROR] failed to match all allowed schemas [json-pointer:/blocks/0]", message.Messages);
        Assert.Equal("invalid_arguments", view.Error);
        Assert.Contains("[ERROR] failed to match all allowed schemas [json-pointer:/view/blocks/0]", view.Messages);
    }

    [Fact]
    public async Task Header_must_be_plain_text()
    {
        var answer = await PostBlocksAsync(new JsonArray(new JsonObject
        {
            ["type"] = "header",
            ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*Week 47*" },
        }));

        Assert.Equal("invalid_blocks", answer.Error);
    }

    [Fact]
    public async Task Blocks_that_are_not_json_answer_invalid_blocks_format()
    {
        var answer = await CallFormAsync("chat.postMessage", [("channel", "C_PAY"), ("text", "x"), ("blocks", "[{not json")]);

        Assert.Equal("invalid_blocks_format", answer.Error);
    }

    private Task<ApiAnswer> PostBlocksAsync(JsonArray blocks) =>
        CallAsync("chat.postMessage", new JsonObject { ["channel"] = "C_PAY", ["text"] = "fallback", ["blocks"] = blocks });

    private Task<ApiAnswer> OpenAsync(JsonObject view) =>
        CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = view });

    private static JsonArray MessageBlocks(string limit, int size) => limit switch
    {
        "blocks per message" => new JsonArray(Enumerable.Range(0, size).Select(i => (JsonNode?)Section($"line {i}")).ToArray()),
        "section text" => [Section(new string('x', size))],
        "section fields" => [new JsonObject { ["type"] = "section", ["fields"] = Many(size, _ => PlainText("f")) }],
        "section field text" => [new JsonObject { ["type"] = "section", ["fields"] = new JsonArray(PlainText(new string('x', size))) }],
        "header text" => [new JsonObject { ["type"] = "header", ["text"] = PlainText(new string('x', size)) }],
        "actions elements" => [Actions(Enumerable.Range(0, size).Select(i => Button($"b{i}")).ToArray())],
        "context elements" => [new JsonObject { ["type"] = "context", ["elements"] = Many(size, _ => PlainText("c")) }],
        "block_id" => [WithBlockId(Section("x"), new string('b', size))],
        "action_id" => [Actions(Button(new string('a', size)))],
        "button text" => [Actions(With(Button("go"), "text", PlainText(new string('x', size))))],
        "button value" => [Actions(With(Button("go"), "value", new string('x', size)))],
        "button url" => [Actions(With(Button("go"), "url", "https://example.com/" + new string('x', size - 20)))],
        "option text" => [Actions(Select(Option(new string('x', size), "v")))],
        "option value" => [Actions(Select(Option("t", new string('x', size))))],
        "select options" => [Actions(Select(Enumerable.Range(0, size).Select(i => Option($"o{i}", $"v{i}")).ToArray()))],
        "placeholder" => [Actions(With(Select(Option("t", "v")), "placeholder", PlainText(new string('x', size))))],
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit),
    };

    private static JsonObject ModalView(string limit, int size)
    {
        var textInput = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "text" };
        var view = Modal(Input("done", "Completed", textInput));
        switch (limit)
        {
            case "modal blocks":
                view["blocks"] = Many(size, i => Section($"line {i}"));
                break;
            case "title" or "submit" or "close":
                view[limit] = PlainText(new string('x', size));
                break;
            case "private_metadata" or "callback_id":
                view[limit] = new string('x', size);
                break;
            case "plain_text_input max_length":
                textInput["max_length"] = size;
                break;
            case "input label":
                view["blocks"]![0]!["label"] = PlainText(new string('x', size));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(limit), limit);
        }

        return view;
    }

    private static JsonObject Home(int blocks) => new() { ["type"] = "home", ["blocks"] = Many(blocks, i => Section($"line {i}")) };

    private static JsonArray Many(int count, Func<int, JsonObject> make) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode?)make(i)).ToArray());

    private static JsonObject Actions(params JsonObject[] elements) => new() { ["type"] = "actions", ["elements"] = new JsonArray(elements) };

    private static JsonObject Button(string actionId) => new() { ["type"] = "button", ["action_id"] = actionId, ["text"] = PlainText("Go") };

    private static JsonObject Select(params JsonObject[] options) => new()
    {
        ["type"] = "static_select",
        ["action_id"] = "pick",
        ["options"] = new JsonArray(options),
    };

    private static JsonObject Option(string text, string value) => new() { ["text"] = PlainText(text), ["value"] = value };

    private static JsonObject With(JsonObject node, string name, JsonNode value)
    {
        node[name] = value;
        return node;
    }

    private static JsonObject WithBlockId(JsonObject block, string blockId) => With(block, "block_id", blockId);
}

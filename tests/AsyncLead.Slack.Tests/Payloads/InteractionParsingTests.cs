using System.Text;
using System.Text.Json;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.Tests.Fixtures;

namespace AsyncLead.Slack.Tests.Payloads;

public sealed class InteractionParsingTests
{
    private static T Parse<T>(string fixture)
        where T : InteractionPayload
    {
        var result = SlackPayloadParser.ParseInteraction(Fixture.InteractionForm(fixture));
        Assert.True(result.Succeeded, result.Error);
        return Assert.IsType<T>(result.Value);
    }

    [Fact]
    public void Block_actions_from_an_ephemeral_message()
    {
        var payload = Parse<BlockActionsPayload>("block_actions_message.json");

        Assert.Equal("block_actions", payload.Type);
        Assert.Equal("U0AL5ALICE", payload.User.Id);
        Assert.Equal("T0AL5LEAD", payload.Team?.Id);
        Assert.Equal("7101.7102.f00dfeed03", payload.TriggerId);
        Assert.Equal("https://hooks.slack.com/actions/T0AL5LEAD/7103/xRespUrl03", payload.ResponseUrl);
        Assert.Equal("message", payload.Container?.Type);
        Assert.Equal("1718000000.000100", payload.Container?.MessageTs);
        Assert.True(payload.Container?.IsEphemeral);
        Assert.Equal("C0AL5TEAM", payload.Channel?.Id);
        Assert.Equal("Time for your weekly update", payload.Message?.GetProperty("text").GetString());
        var action = Assert.Single(payload.Actions);
        Assert.Equal("weekly-update.open", action.ActionId);
        Assert.Equal("prompt", action.BlockId);
        Assert.Equal("button", action.Type);
        Assert.Equal("2024-W24", action.Value);
        Assert.Equal("1718000012.194939", action.ActionTs);
    }

    [Fact]
    public void Block_actions_from_a_view_with_several_actions()
    {
        var payload = Parse<BlockActionsPayload>("block_actions_view_multi.json");

        Assert.Equal("view", payload.Container?.Type);
        Assert.Equal("V0AL5HOME1", payload.Container?.ViewId);
        Assert.Null(payload.ResponseUrl);
        Assert.Equal("home", payload.View?.Type);
        Assert.Equal("1718000100.a1b2c3d4", payload.View?.Hash);
        Assert.Equal(["decision.approve", "decision.stance"], payload.Actions.Select(a => a.ActionId));
        Assert.Equal("dec-42", payload.Actions[0].Value);
        Assert.Equal("concern", payload.Actions[1].SelectedOption?.Value);
        Assert.Equal("Concern", payload.Actions[1].SelectedOption?.Text.Text);
        Assert.Equal("concern", payload.View?.State.Find("decision-actions", "decision.stance")?.SelectedOption?.Value);
    }

    [Fact]
    public void View_submission_carries_view_identity_metadata_state_and_response_urls()
    {
        var payload = Parse<ViewSubmissionPayload>("view_submission.json");

        Assert.Equal("7301.7302.f00dfeed05", payload.TriggerId);
        Assert.Equal("E0AL5ORG1", payload.Team?.EnterpriseId);
        var view = payload.View;
        Assert.Equal("V0AL5MODAL1", view.Id);
        Assert.Equal("V0AL5MODAL1", view.RootViewId);
        Assert.Null(view.PreviousViewId);
        Assert.Equal("weekly-update.submit", view.CallbackId);
        Assert.Equal("""{"week":"2024-06-10","channel":"C0AL5TEAM"}""", view.PrivateMetadata);
        Assert.Equal("1718000200.3wRYuk3R", view.Hash);
        Assert.True(view.NotifyOnClose);
        Assert.Equal(JsonValueKind.Array, view.Blocks.ValueKind);
        Assert.Equal("completed", view.Blocks[0].GetProperty("block_id").GetString());
        Assert.Equal("Shipped the importer\nFixed the flaky test", view.State.Find("completed", "text")?.Value);
        var responseUrl = Assert.Single(payload.ResponseUrls);
        Assert.Equal("C0AL5TEAM", responseUrl.ChannelId);
        Assert.Equal("https://hooks.slack.com/app/T0AL5LEAD/7303/xRespUrl04", responseUrl.ResponseUrl);
    }

    [Fact]
    public void View_submission_reads_every_state_value_kind()
    {
        var state = Parse<ViewSubmissionPayload>("view_submission_all_values.json").View.State;
        ViewStateValue Value(string block, string action) =>
            state.Find(block, action) ?? throw new Xunit.Sdk.XunitException($"no state value {block}/{action}");

        Assert.Equal(19, state.Values.Count);
        Assert.Equal("Adopt Postgres queues", Value("title", "text").Value);
        Assert.Null(Value("summary", "text").Value);
        Assert.Equal("email_text_input", Value("contact", "email").Type);
        Assert.Equal("alice@example.com", Value("contact", "email").Value);
        Assert.Equal("https://example.com/rfc/42", Value("link", "url").Value);
        Assert.Equal("12345", Value("budget", "amount").Value);
        Assert.Equal("2024-06-21", Value("deadline-date", "date").SelectedDate);
        Assert.Equal("15:30", Value("deadline-time", "time").SelectedTime);
        Assert.Equal("Europe/Amsterdam", Value("deadline-time", "time").Timezone);
        Assert.Equal(1718976600L, Value("deadline", "datetime").SelectedDateTime);
        Assert.Equal("U0AL5ALICE", Value("owner", "user").SelectedUser);
        Assert.Equal(["U0AL5BOB", "U0AL5CAROL"], Value("reviewers", "users").SelectedUsers);
        Assert.Equal("C0AL5TEAM", Value("conversation", "pick").SelectedConversation);
        Assert.Equal(["C0AL5TEAM", "G0AL5PRIV"], Value("conversations", "pick").SelectedConversations);
        Assert.Equal("C0AL5TEAM", Value("channel", "pick").SelectedChannel);
        Assert.Equal(["C0AL5TEAM", "C0AL5RAND"], Value("channels", "pick").SelectedChannels);
        Assert.Equal("high", Value("impact", "pick").SelectedOption?.Value);
        Assert.Equal("High", Value("impact", "pick").SelectedOption?.Text.Text);
        Assert.Equal("approve", Value("stance", "pick").SelectedOption?.Value);
        Assert.Equal("Ship it", Value("stance", "pick").SelectedOption?.Description?.Text);
        Assert.Equal(["backend", "infra"], Value("areas", "pick").SelectedOptions?.Select(o => o.Value));
        Assert.Empty(Value("flags", "pick").SelectedOptions ?? throw new Xunit.Sdk.XunitException("checkboxes lost"));
        var richText = Value("analysis", "rich").RichTextValue ?? throw new Xunit.Sdk.XunitException("rich text lost");
        Assert.Equal("rich_text", richText.GetProperty("type").GetString());
        Assert.Equal("simpler", richText.GetProperty("elements")[0].GetProperty("elements")[1].GetProperty("text").GetString());
        Assert.Null(state.Find("title", "missing"));
        Assert.Null(state.Find("missing", "text"));
    }

    [Fact]
    public void Org_install_view_submission_has_no_team_and_names_the_enterprise()
    {
        var payload = Parse<ViewSubmissionPayload>("view_submission_org.json");

        Assert.Null(payload.Team);
        Assert.True(payload.IsEnterpriseInstall);
        Assert.Equal("E0AL5ORG1", payload.Enterprise?.Id);
        Assert.Equal("AsyncLead Org Inc", payload.Enterprise?.Name);
        Assert.Equal("T0AL5LEAD", payload.User.TeamId);
        Assert.Equal("03:00", payload.View.State.Find("deadline-time", "time")?.SelectedTime);
        Assert.Equal("America/Los_Angeles", payload.View.State.Find("deadline-time", "time")?.Timezone);
    }

    [Fact]
    public void View_closed()
    {
        var payload = Parse<ViewClosedPayload>("view_closed.json");

        Assert.Equal("weekly-update.submit", payload.View.CallbackId);
        Assert.False(payload.IsCleared);
        Assert.Empty(payload.View.State.Values);
    }

    [Fact]
    public void Global_shortcut()
    {
        var payload = Parse<GlobalShortcutPayload>("shortcut_global.json");

        Assert.Equal("decision.new", payload.CallbackId);
        Assert.Equal("7601.7602.f00dfeed08", payload.TriggerId);
        Assert.Equal("1718000600.300836", payload.ActionTs);
        Assert.Null(payload.Enterprise);
    }

    [Fact]
    public void Message_shortcut_carries_the_message_and_a_response_url()
    {
        var payload = Parse<MessageShortcutPayload>("shortcut_message.json");

        Assert.Equal("message_action", payload.Type);
        Assert.Equal("decision.from-message", payload.CallbackId);
        Assert.Equal("C0AL5TEAM", payload.Channel?.Id);
        Assert.Equal("1718000650.000200", payload.MessageTs);
        Assert.Equal("U0AL5CAROL", payload.Message?.GetProperty("user").GetString());
        Assert.Equal("https://hooks.slack.com/app-actions/T0AL5LEAD/7703/xRespUrl05", payload.ResponseUrl);
        Assert.Equal("bob", payload.User.Name);
    }

    [Fact]
    public void Block_suggestion()
    {
        var payload = Parse<BlockSuggestionPayload>("block_suggestion.json");

        Assert.Equal("decision.related", payload.ActionId);
        Assert.Equal("related", payload.BlockId);
        Assert.Equal("queue", payload.Value);
        Assert.Equal("V0AL5MODAL2", payload.View?.Id);
    }

    [Fact]
    public void Unknown_type_parses_as_unknown_interaction()
    {
        var json = """{"type":"workflow_step_edit","user":{"id":"U0AL5ALICE"},"team":{"id":"T0AL5LEAD"},"callback_id":"x"}""";

        var result = SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(Fixture.InteractionFormOf(json)));

        Assert.True(result.Succeeded, result.Error);
        var unknown = Assert.IsType<UnknownInteraction>(result.Value);
        Assert.Equal("workflow_step_edit", unknown.Type);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var json = """{"type":"shortcut","brand_new_field":{"deep":[1,2,3]},"user":{"id":"U1","also_new":true},"callback_id":"c"}""";

        var result = SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(Fixture.InteractionFormOf(json)));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("c", Assert.IsType<GlobalShortcutPayload>(result.Value).CallbackId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("token=abc")]
    [InlineData("payload=")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22")]
    [InlineData("payload=not-json")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A42%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%22U1%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22view_submission%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D")]
    public void Malformed_input_is_a_failure_not_an_exception(string body)
    {
        var result = SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public void Truncated_real_payload_is_a_failure()
    {
        var json = Fixture.Text("view_submission.json");
        var truncated = Fixture.InteractionFormOf(json[..(json.Length / 2)]);

        var result = SlackPayloadParser.ParseInteraction(Encoding.UTF8.GetBytes(truncated));

        Assert.False(result.Succeeded);
        Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class FakeSlackViewsTests : FakeSlackScene
{
    private static JsonObject UpdateModal() =>
        Modal(Input("done", "Completed", new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "text" }));

    [Fact]
    public async Task Views_open_with_an_issued_trigger_opens_the_modal_for_that_person()
    {
        var answer = await CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });

        Assert.True(answer.Ok, answer.Body);
        var view = answer.Json!["view"]!.AsObject();
        Assert.StartsWith("V", view["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("weekly_update", view["callback_id"]!.GetValue<string>());
        Assert.Equal("C_PAY", view["private_metadata"]!.GetValue<string>());
        Assert.NotEmpty(view["hash"]!.GetValue<string>());
        Assert.Empty(view["state"]!["values"]!.AsObject());
        var opened = Slack.LastViewOpenedFor("U_ALICE");
        Assert.NotNull(opened);
        Assert.Equal(view["id"]!.GetValue<string>(), opened.Id);
        Assert.Equal(opened.Id, Slack.OpenModalFor("U_ALICE")?.Id);
        Assert.Null(Slack.LastViewOpenedFor("U_BOB"));
    }

    [Fact]
    public async Task Trigger_id_not_issued_by_slack_answers_invalid_trigger_id()
    {
        var answer = await CallAsync("views.open", new JsonObject { ["trigger_id"] = "12345.98765.abcdef", ["view"] = UpdateModal() });

        Assert.Equal("invalid_trigger_id", answer.Error);
    }

    [Fact]
    public async Task Trigger_id_from_another_workspace_is_invalid_here()
    {
        var answer = await CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ZED"), ["view"] = UpdateModal() });

        Assert.Equal("invalid_trigger_id", answer.Error);
    }

    [Fact]
    public async Task Trigger_id_works_once_then_answers_exchanged_trigger_id()
    {
        var trigger = Slack.IssueTriggerId("U_ALICE");

        var first = await CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = UpdateModal() });
        var second = await CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = UpdateModal() });

        Assert.True(first.Ok, first.Body);
        Assert.Equal("exchanged_trigger_id", second.Error);
    }

    [Fact]
    public async Task Trigger_id_is_good_for_3_seconds_on_the_harness_clock()
    {
        var justInTime = Slack.IssueTriggerId("U_ALICE");
        var tooLate = Slack.IssueTriggerId("U_BOB");
        Clock.Advance(TimeSpan.FromSeconds(3));

        var inTime = await CallAsync("views.open", new JsonObject { ["trigger_id"] = justInTime, ["view"] = UpdateModal() });
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var expired = await CallAsync("views.open", new JsonObject { ["trigger_id"] = tooLate, ["view"] = UpdateModal() });

        Assert.True(inTime.Ok, inTime.Body);
        Assert.Equal("expired_trigger_id", expired.Error);
    }

    [Fact]
    public async Task Invalid_view_does_not_use_up_the_trigger()
    {
        var trigger = Slack.IssueTriggerId("U_ALICE");
        var broken = UpdateModal();
        broken["title"] = PlainText("A title far longer than twenty-four characters");

        var refused = await CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = broken });
        var fixedUp = await CallAsync("views.open", new JsonObject { ["trigger_id"] = trigger, ["view"] = UpdateModal() });

        Assert.Equal("invalid_arguments", refused.Error);
        Assert.True(fixedUp.Ok, fixedUp.Body);
    }

    [Fact]
    public async Task Views_open_refuses_a_home_view()
    {
        var answer = await CallAsync("views.open", new JsonObject
        {
            ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"),
            ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray(Section("hi")) },
        });

        Assert.Equal("invalid_arguments", answer.Error);
    }

    [Fact]
    public async Task Views_update_replaces_the_view_and_checks_the_hash()
    {
        var opened = await CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });
        var viewId = opened.Json!["view"]!["id"]!.GetValue<string>();
        var hash = opened.Json["view"]!["hash"]!.GetValue<string>();
        var changed = UpdateModal();
        changed["blocks"]!.AsArray().Add(Section("Thanks!"));

        var updated = await CallAsync("views.update", new JsonObject { ["view_id"] = viewId, ["hash"] = hash, ["view"] = changed.DeepClone() });
        var stale = await CallAsync("views.update", new JsonObject { ["view_id"] = viewId, ["hash"] = hash, ["view"] = changed.DeepClone() });
        var unknown = await CallAsync("views.update", new JsonObject { ["view_id"] = "V_NOPE", ["view"] = changed.DeepClone() });

        Assert.True(updated.Ok, updated.Body);
        Assert.NotEqual(hash, updated.Json!["view"]!["hash"]!.GetValue<string>());
        Assert.Contains("Thanks!", Slack.OpenModalFor("U_ALICE")!.VisibleText, StringComparison.Ordinal);
        Assert.Equal("hash_conflict", stale.Error);
        Assert.Equal("not_found", unknown.Error);
    }

    [Fact]
    public async Task Views_push_stacks_up_to_three_modals()
    {
        await CallAsync("views.open", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });
        var second = await CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });
        var third = await CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });
        var fourth = await CallAsync("views.push", new JsonObject { ["trigger_id"] = Slack.IssueTriggerId("U_ALICE"), ["view"] = UpdateModal() });

        Assert.True(second.Ok && third.Ok, second.Body + third.Body);
        Assert.Equal(second.Json!["view"]!["id"]!.GetValue<string>(), third.Json!["view"]!["previous_view_id"]!.GetValue<string>());
        Assert.Equal("push_limit_reached", fourth.Error);
        Assert.Equal(third.Json["view"]!["id"]!.GetValue<string>(), Slack.OpenModalFor("U_ALICE")!.Id);
    }

    [Fact]
    public async Task Views_publish_sets_the_home_tab_and_checks_the_hash()
    {
        var home = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray(Section("Your week")) };

        var first = await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_ALICE", ["view"] = home.DeepClone() });
        var republished = await CallAsync("views.publish", new JsonObject
        {
            ["user_id"] = "U_ALICE",
            ["hash"] = first.Json!["view"]!["hash"]!.GetValue<string>(),
            ["view"] = new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray(Section("Your week, updated")) },
        });
        var stale = await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_ALICE", ["hash"] = "1.stale", ["view"] = home.DeepClone() });
        var nobody = await CallAsync("views.publish", new JsonObject { ["user_id"] = "U_NOBODY", ["view"] = home.DeepClone() });

        Assert.True(first.Ok && republished.Ok, first.Body + republished.Body);
        Assert.Equal(first.Json["view"]!["id"]!.GetValue<string>(), republished.Json!["view"]!["id"]!.GetValue<string>());
        Assert.Equal("hash_conflict", stale.Error);
        Assert.Equal("user_not_found", nobody.Error);
        Assert.Contains("Your week, updated", Slack.PublishedHome("U_ALICE")!.VisibleText, StringComparison.Ordinal);
        Assert.Null(Slack.PublishedHome("U_BOB"));
    }
}

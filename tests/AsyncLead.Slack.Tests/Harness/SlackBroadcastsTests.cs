using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Slack;

namespace AsyncLead.Slack.Tests.Harness;

/// <summary>FakeSlack's model of what Slack sends as a broadcast, which the app's broadcast tests rely on.</summary>
public sealed class SlackBroadcastsTests
{
    private static IReadOnlyList<string> In(string json) => SlackBroadcasts.In(JsonNode.Parse(json));

    [Fact]
    public void Finds_broadcast_tokens_in_top_level_text_and_mrkdwn_blocks() =>
        Assert.Equal(["<!here>", "<!channel|all>", "<!group>", "<!everyone>", "<!subteam^S1|@sre>"],
            In("""
                {"text":"<!here> <@U1>","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"<!channel|all> <!group>"},
                 "fields":[{"type":"mrkdwn","text":"<!everyone>"}]},{"type":"context","elements":[{"type":"mrkdwn","text":"<!subteam^S1|@sre>"}]}]}
                """));

    [Fact]
    public void Escaped_tokens_plain_text_objects_and_people_are_not_broadcasts() =>
        Assert.Empty(In("""{"text":"&lt;!here&gt; <@U1> <#C1> <!date^1^{date}|x>","blocks":[{"type":"header","text":{"type":"plain_text","text":"<!channel>"}}]}"""));

    [Fact]
    public void Plain_names_are_broadcasts_only_when_the_call_asks_slack_to_link_names()
    {
        Assert.Empty(In("""{"text":"@here @channel @everyone"}"""));
        Assert.Equal(["@here", "@channel"], In("""{"text":"@here and @channel, not mail@here.com","link_names":true}"""));
        Assert.Equal(["@everyone"], In("""{"text":"@everyone","parse":"full"}"""));
    }
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AsyncLead.Slack.Tests.Harness;

public sealed class FakeSlackFaultTests : FakeSlackScene
{
    private static JsonObject Hello(string channel = "C_PAY") => new() { ["channel"] = channel, ["text"] = "hello" };

    [Fact]
    public async Task Rate_limit_answers_429_ratelimited_with_retry_after_then_recovers()
    {
        Slack.Faults.RateLimit("chat.postMessage", times: 2, retryAfterSeconds: 7);

        var first = await CallAsync("chat.postMessage", Hello());
        var second = await CallAsync("chat.postMessage", Hello());
        var third = await CallAsync("chat.postMessage", Hello());

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), first.RetryAfter);
        Assert.Equal("ratelimited", first.Error);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.True(third.Ok);
        Assert.Single(Slack.Messages("C_PAY"));
        Assert.Equal([429, 429, 200], Slack.Calls("chat.postMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Faults_for_one_method_leave_others_alone()
    {
        Slack.Faults.RateLimit("views.open");

        var answer = await CallAsync("chat.postMessage", Hello());

        Assert.True(answer.Ok);
    }

    [Fact]
    public async Task Fault_without_a_method_hits_whatever_is_called_next()
    {
        Slack.Faults.ServerError(statusCode: 503);

        var answer = await CallAsync("auth.test", []);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_are_bare_http_errors_without_a_json_body(int status)
    {
        Slack.Faults.ServerError("chat.postMessage", statusCode: status);

        var answer = await CallAsync("chat.postMessage", Hello());

        Assert.Equal(status, (int)answer.Status);
        Assert.Null(answer.Json);
        Assert.Empty(Slack.Messages("C_PAY"));
    }

    [Fact]
    public async Task Random_faults_repeat_exactly_for_the_same_seed()
    {
        async Task<List<int>> RunAsync()
        {
            Slack.Faults.Randomly(seed: 47, rateLimitRate: 0.3, serverErrorRate: 0.2);
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((int)(await CallAsync("auth.test", [])).Status);
            }

            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();
        Slack.Faults.Clear();
        var afterClear = await CallAsync("auth.test", []);

        Assert.Equal(first, second);
        Assert.Contains(429, first);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
        Assert.True(afterClear.Ok);
    }

    [Fact]
    public async Task Latency_delays_the_answer()
    {
        Slack.Faults.Latency(TimeSpan.FromSeconds(30), "chat.postMessage");
        using var impatient = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("chat.postMessage", new StringContent("{}")));
        Assert.True((await CallAsync("auth.test", [])).Ok);
    }

    [Fact]
    public async Task A_slow_answer_posts_and_records_the_message_before_a_client_that_gives_up_hears_back()
    {
        Slack.Faults.SlowAnswer(TimeSpan.FromSeconds(30), "chat.postMessage");
        using var giveUp = new CancellationTokenSource();
        var sending = PostHelloAsync(giveUp.Token);
        // The client gives up once Slack has the call (not after a timer a loaded machine could beat).
        await Slack.WaitForCallAsync("chat.postMessage");
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        var unaffected = await CallAsync("auth.test", []);
        Assert.Equal("hello", Assert.Single(Slack.Messages("C_PAY")).Text);
        Assert.True(Assert.Single(Slack.Calls("chat.postMessage")).Ok);
        Assert.True(unaffected.Ok);
    }

    [Fact]
    public async Task A_held_answer_posts_at_once_and_answers_only_when_released()
    {
        Slack.Faults.HoldAnswers("chat.postMessage", call => call.Arg("channel") == "C_PAY");

        var held = CallAsync("chat.postMessage", Hello());
        var other = await CallAsync("chat.postMessage", Hello("U_ALICE"));
        await UntilAsync(() => Slack.Faults.HeldAnswers.Count == 1, "the call was held");

        Assert.Equal("hello", Assert.Single(Slack.Messages("C_PAY")).Text);
        Assert.True(other.Ok);
        Assert.False(held.IsCompleted);
        Slack.Faults.ReleaseHeldAnswers();

        Assert.True((await held).Ok);
        Assert.Empty(Slack.Faults.HeldAnswers);
        Assert.True((await CallAsync("chat.postMessage", Hello())).Ok);
    }

    [Fact]
    public async Task A_held_call_whose_client_gives_up_is_no_longer_held()
    {
        Slack.Faults.HoldAnswers("chat.postMessage");
        using var giveUp = new CancellationTokenSource();
        var sending = PostHelloAsync(giveUp.Token);
        await UntilAsync(() => Slack.Faults.HeldAnswers.Count == 1, "the call was held");
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        await UntilAsync(() => Slack.Faults.HeldAnswers.Count == 0, "the abandoned call was let go");
        Assert.Single(Slack.Messages("C_PAY"));
    }

    private async Task PostHelloAsync(CancellationToken giveUp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = new StringContent(Hello().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", BotToken);
        using var response = await Http.SendAsync(request, giveUp);
    }

    private static async Task UntilAsync(Func<bool> done, string what)
    {
        for (var waited = 0; !done(); waited += 10)
        {
            Assert.True(waited < 30_000, $"not within 30 s: {what}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task One_message_per_second_per_channel_mode_limits_each_channel_on_the_harness_clock()
    {
        Slack.Faults.OneMessagePerSecondPerChannel = true;

        var first = await CallAsync("chat.postMessage", Hello());
        var tooSoon = await CallAsync("chat.postMessage", Hello());
        var otherChannel = await CallAsync("chat.postMessage", Hello("U_ALICE"));
        Clock.Advance(TimeSpan.FromMilliseconds(999));
        var stillTooSoon = await CallAsync("chat.postMessage", Hello());
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        var afterASecond = await CallAsync("chat.postMessage", Hello());

        Assert.True(first.Ok);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), tooSoon.RetryAfter);
        Assert.True(otherChannel.Ok);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillTooSoon.Status);
        Assert.True(afterASecond.Ok);
        Assert.Equal(2, Slack.Messages("C_PAY").Count);
    }
}

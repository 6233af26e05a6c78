using System.Net;
using System.Text;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Foundation;

public sealed class UnconfiguredSlackTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Theory]
    [InlineData("/slack/commands", "application/x-www-form-urlencoded", "command=%2Fweekly-update&text=")]
    [InlineData("/slack/interactions", "application/x-www-form-urlencoded", "payload=%7B%7D")]
    [InlineData("/slack/events", "application/json", "{\"type\":\"url_verification\",\"challenge\":\"x\"}")]
    public async Task Slack_endpoints_answer_503_with_a_clear_message_until_the_signing_secret_is_set(string path, string contentType, string body)
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);

        var response = await host.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack__SigningSecret", await response.Content.ReadAsStringAsync());
    }
}

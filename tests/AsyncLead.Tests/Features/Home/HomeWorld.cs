using System.Text.Json.Nodes;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.Features.Home;

/// <summary>Steps and looks for Home tab stories, on top of the payments team of <see cref="WeeklyUpdates.WeeklyWorld"/>.</summary>
internal static class HomeWorld
{
    /// <summary>A scenario on a database emptied of earlier tests' teams, members, docs and jobs (a class shares one database).</summary>
    public static async Task<SlackScenario> StartAsync(TestDatabase database, DateTimeOffset? now = null)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("TRUNCATE jobs, team_channels, members, decisions, decision_counters, slack_posts, bot_channels RESTART IDENTITY CASCADE");
        }

        return await SlackScenario.StartAsync(database, now);
    }

    /// <summary>The person opens the Home tab and the publish job runs.</summary>
    public static async Task<FakeView> OpensHomeAsync(this SlackScenario s, SlackUser user)
    {
        var opened = await user.OpensAppHomeAsync();
        Assert.True(opened.IsSuccess, opened.ToString());
        await s.RunJobsAsync();
        return s.Home(user.Id);
    }

    /// <summary>The Home tab as Slack shows it to the person now.</summary>
    public static FakeView Home(this SlackScenario s, string userId) =>
        s.Slack.PublishedHome(userId) ?? throw new Xunit.Sdk.XunitException($"No Home tab was published for {userId}.");

    /// <summary>How many times AsyncLead published this person's Home tab.</summary>
    public static int Publishes(this SlackScenario s, string userId) =>
        s.Slack.Calls("views.publish").Count(c => c.Ok && c.Arg("user_id") == userId);

    /// <summary>The values of the buttons with this action_id on a view, in order.</summary>
    public static IReadOnlyList<string> ButtonValues(this FakeView view, string actionId) =>
        [.. Elements(view).Where(e => e["action_id"]?.GetValue<string>() == actionId).Select(e => e["value"]?.GetValue<string>() ?? "")];

    /// <summary>The texts of the buttons with this action_id on a view, in order.</summary>
    public static IReadOnlyList<string> ButtonTexts(this FakeView view, string actionId) =>
        [.. Elements(view).Where(e => e["action_id"]?.GetValue<string>() == actionId).Select(e => e["text"]!["text"]!.GetValue<string>())];

    /// <summary>The author writes a doc in their channel for <paramref name="reviewers"/> with the default deadline, and it is posted.</summary>
    public static async Task PostsDocAsync(this SlackScenario s, SlackUser author, string title, params string[] reviewers)
    {
        var command = await author.RunsCommandAsync("/decision");
        Assert.True(command.IsSuccess, command.ToString());
        var submitted = await author.SubmitsViewAsync(
            ("Title", title),
            ("Problem Statement", "We need to choose."),
            ("Recommendation", "Option 2."),
            ("Reviewers", reviewers));
        Assert.True(submitted.IsSuccess && submitted.Json is null, submitted.ToString());
        await s.RunJobsAsync();
    }

    /// <summary>Pending Home refreshes for the person (unfinished home.publish jobs).</summary>
    public static async Task<int> PendingRefreshesAsync(this SlackScenario s, string userId)
    {
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM jobs WHERE kind = 'home.publish' AND state = 'available' AND payload->>'userId' = @userId", new { userId });
    }

    private static IEnumerable<JsonObject> Elements(FakeView view) =>
        view.Blocks.OfType<JsonObject>().SelectMany(block =>
            (block["elements"] as JsonArray ?? []).Append(block["accessory"]).OfType<JsonObject>());
}

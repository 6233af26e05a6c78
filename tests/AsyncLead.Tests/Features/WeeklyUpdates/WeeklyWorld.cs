using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// The payments team of the weekly-update stories: a lead and teammates in #team-payments, on a clock that starts
/// Monday 17 Nov 2025 08:00 UTC (09:00 in Berlin), and steps that move time the way a week passes.
/// </summary>
internal static class WeeklyWorld
{
    public const string Channel = "C_PAY";
    public const string Command = "/weekly-update";

    /// <summary>Friday 21 Nov 2025, 10:00 in Berlin: the default prompt of the week of 17 Nov.</summary>
    public static readonly DateTimeOffset FirstPrompt = new(2025, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Friday 21 Nov 2025, 09:00 in New York: Bob's working day begins, and his prompt of the week of 17 Nov reaches him.</summary>
    public static readonly DateTimeOffset BobsPrompt = new(2025, 11, 21, 14, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 24 Nov 2025, 09:00 in Berlin: the week of 17 Nov closes.</summary>
    public static readonly DateTimeOffset FirstClose = new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A scenario on a database emptied of earlier tests' teams, members and jobs (a class shares one database).</summary>
    public static async Task<SlackScenario> StartAsync(TestDatabase database, DateTimeOffset? now = null, IDictionary<string, string?>? settings = null,
        IEnumerable<string>? scopes = null)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("TRUNCATE jobs, team_channels, members, slack_posts, bot_channels, slack_channels, slack_channel_members RESTART IDENTITY CASCADE");
        }

        return await SlackScenario.StartAsync(database, now, settings: settings, scopes: scopes);
    }

    /// <summary>Lena (the lead) in Berlin, Alice in Berlin, Bob in New York, plus a bot and a deactivated account, all in #team-payments.</summary>
    public static SlackScenario WithPaymentsTeam(this SlackScenario s, bool botIsMember = true)
    {
        s.Slack.AddUser("U_LENA", "lena", tz: "Europe/Berlin")
            .AddUser("U_ALICE", "alice", tz: "Europe/Berlin")
            .AddUser("U_BOB", "bob", tz: "America/New_York")
            .AddUser("U_DEPLOYBOT", "deploybot", isBot: true)
            .AddUser("U_GONE", "gone", deleted: true)
            .AddChannel(Channel, "team-payments", members: ["U_LENA", "U_ALICE", "U_BOB", "U_DEPLOYBOT", "U_GONE"], botIsMember: botIsMember);
        return s;
    }

    public static SlackUser Lena(this SlackScenario s) => s.User("U_LENA", Channel);

    public static SlackUser Alice(this SlackScenario s) => s.User("U_ALICE", Channel);

    public static SlackUser Bob(this SlackScenario s) => s.User("U_BOB", Channel);

    /// <summary>The lead runs setup and saves the modal (with <paramref name="changes"/>), and the confirmation goes out.</summary>
    public static async Task SetsUpWeeklyUpdatesAsync(this SlackScenario s, SlackUser lead, params (string Field, object? Value)[] changes)
    {
        var opened = await lead.RunsCommandAsync(Command, "setup");
        Assert.True(opened.IsSuccess, opened.ToString());
        Assert.NotNull(s.Slack.OpenModalFor(lead.Id));
        var saved = await lead.SubmitsViewAsync(changes);
        Assert.True(saved.IsSuccess, saved.ToString());
        Assert.Null(s.Slack.OpenModalFor(lead.Id));
        await s.RunJobsAsync();
    }

    /// <summary>Moves the clock to <paramref name="until"/>, running every job at its own due time on the way.</summary>
    public static async Task RunUntilAsync(this SlackScenario s, DateTimeOffset until)
    {
        var dataSource = s.Host.Services.GetRequiredService<NpgsqlDataSource>();
        while (true)
        {
            await s.RunJobsAsync();
            await using var connection = await dataSource.OpenConnectionAsync();
            var due = await connection.ExecuteScalarAsync<DateTime?>(
                "SELECT min(run_at) FROM jobs WHERE state = 'available' AND run_at > @now", new { now = s.Clock.GetUtcNow() });
            var next = due is { } utc ? new DateTimeOffset(utc, TimeSpan.Zero) : (DateTimeOffset?)null;
            if (next is null || next > until)
            {
                if (until > s.Clock.GetUtcNow())
                {
                    s.Clock.SetUtcNow(until);
                }

                await s.RunJobsAsync();
                return;
            }

            s.Clock.SetUtcNow(next.Value);
        }
    }

    /// <summary>The week's thread roots AsyncLead posted in the channel.</summary>
    public static IReadOnlyList<FakeMessage> Roots(this SlackScenario s, string channel = Channel) =>
        [.. s.Slack.Messages(channel).Where(m => m.Text.StartsWith("📊", StringComparison.Ordinal))];

    public static FakeMessage Root(this SlackScenario s, string week, string channel = Channel) =>
        Assert.Single(s.Roots(channel), m => m.Text.Contains(week, StringComparison.Ordinal));

    /// <summary>The prompts and reminders a person got in their DM with AsyncLead.</summary>
    public static IReadOnlyList<FakeMessage> Nudges(this SlackScenario s, string userId) =>
        [.. s.Slack.Messages(userId).Where(m => m.Text.StartsWith("📝", StringComparison.Ordinal) || m.Text.StartsWith("⏰", StringComparison.Ordinal))];

    /// <summary>When each prompt (📝) or reminder (⏰) reached this person, by Slack's record of the calls.</summary>
    public static IReadOnlyList<DateTimeOffset> NudgeTimes(this SlackScenario s, string userId, string emoji) =>
        [.. s.Slack.Calls("chat.postMessage")
            .Where(c => c.Ok && c.Arg("channel") == userId && c.Arg("text")!.StartsWith(emoji, StringComparison.Ordinal))
            .Select(c => c.At)];

    /// <summary><c>/weekly-update status</c> as <paramref name="user"/> sees it (see <see cref="SlackScenario.AnswerToAsync"/>).</summary>
    public static async Task<string> StatusAsync(this SlackScenario s, SlackUser user) =>
        (await s.AnswerToAsync(user, Command, "status"))!;

    public static string? EphemeralTextFor(SlackResponse response) => response.Json?["text"]?.GetValue<string>();
}

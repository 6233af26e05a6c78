using System.Net;
using AsyncLead.Sandbox;
using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Storage;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.SandboxMode;

public sealed class SandboxModeTests(SandboxDatabase database) : IClassFixture<SandboxDatabase>
{
    private const string Priya = "U0PRIYA";

    [Fact]
    public async Task With_no_Slack_settings_the_host_serves_FakeSlack_and_a_workspace_installed_and_set_up_through_the_real_paths()
    {
        await using var host = await SandboxHost.StartAsync(database.ConnectionString);
        var slack = host.Services.GetRequiredService<FakeSlack>();

        using var api = await host.Http.PostAsync("/sandbox/api/auth.test", new FormUrlEncodedContent([]));
        using var page = await host.Http.GetAsync("/sandbox/");
        var state = await host.Http.GetStringAsync("/sandbox/ui/state?as=U0MAYA");
        var status = await host.Http.GetStringAsync("/");

        Assert.Contains("\"error\":\"not_authed\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(new Uri(host.BaseAddress, "sandbox/api/").ToString(), slack.ApiBaseUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Maya Okafor", state, StringComparison.Ordinal);
        Assert.Contains(SandboxWorkspace.TeamChannelName, state, StringComparison.Ordinal);
        Assert.Contains("href=\"/sandbox/\"", status, StringComparison.Ordinal);
        Assert.True(Assert.Single(slack.Calls("oauth.v2.access")).Ok);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal([SandboxWorkspace.TeamId], await connection.QueryAsync<string>("SELECT workspace_id FROM installations"));
        Assert.Equal((SandboxWorkspace.TeamChannelId, SandboxWorkspace.LeadUserId),
            await connection.QuerySingleAsync<(string, string)>("SELECT channel_id, lead_user_id FROM team_channels"));
        Assert.IsType<SandboxClock>(host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Jumping_to_the_next_prompt_sends_the_prompts_and_an_update_through_the_simulator_lands_in_the_weeks_thread()
    {
        await using var host = await SandboxHost.StartAsync(database.ConnectionString);
        var slack = host.Services.GetRequiredService<FakeSlack>();
        var controls = host.Services.GetRequiredService<ISandboxControls>();
        var before = host.Services.GetRequiredService<SandboxClock>().GetUtcNow();

        var line = await controls.AdvanceAsync("next-prompt", CancellationToken.None);

        Assert.StartsWith("To the next weekly prompt: now Fri", line, StringComparison.Ordinal);
        Assert.True(host.Services.GetRequiredService<SandboxClock>().GetUtcNow() > before);
        // Friday 10:00 in London: working time for Maya, Priya (Kolkata) and Lucas (Berlin), who get their prompts now; Liam
        // (Sydney, evening), Kenji (Tokyo, evening) and Sofia (New York, before work) get theirs when their working day starts.
        var promptedNow = SandboxWorkspace.People.Where(p => slack.Messages(p.Id).Any(m => m.Text.StartsWith("📝", StringComparison.Ordinal)));
        Assert.Equal(["U0LUCAS", "U0MAYA", "U0PRIYA"], promptedNow.Select(p => p.Id).Order());
        var root = Assert.Single(slack.Messages(SandboxWorkspace.TeamChannelId), m => m.Text.StartsWith("📊", StringComparison.Ordinal));

        var ack = await host.Services.GetRequiredService<SlackSimulator>().User(Priya, SandboxWorkspace.TeamChannelId)
            .RunsCommandAsync("/weekly-update", "Done: the sandbox\nNext: screenshots");
        Assert.True(ack.IsSuccess, ack.ToString());
        await slack.WaitForCallAsync("chat.postMessage", c => c.Ok && c.Arg("thread_ts") == root.Ts);

        Assert.Contains("the sandbox", Assert.Single(slack.ThreadReplies(SandboxWorkspace.TeamChannelId, root.Ts)).VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_week_writes_updates_one_late_one_with_blockers_and_an_open_doc_whose_deadline_can_be_reached()
    {
        await using var host = await SandboxHost.StartAsync(database.ConnectionString);
        var slack = host.Services.GetRequiredService<FakeSlack>();
        var controls = host.Services.GetRequiredService<ISandboxControls>();
        var deadlineBefore = await Assert.ThrowsAsync<InvalidOperationException>(() => controls.AdvanceAsync("deadline", CancellationToken.None));

        var line = await controls.FillSampleWeekAsync(CancellationToken.None);

        Assert.Contains("No decision doc is open", deadlineBefore.Message, StringComparison.Ordinal);
        Assert.Contains("Kenji's late", line, StringComparison.Ordinal);
        var root = Assert.Single(slack.Messages(SandboxWorkspace.TeamChannelId), m => m.Text.StartsWith("📊", StringComparison.Ordinal));
        var replies = slack.ThreadReplies(SandboxWorkspace.TeamChannelId, root.Ts).Select(r => r.VisibleText).ToList();
        Assert.Equal(4, replies.Count(r => r.Contains("'s update", StringComparison.Ordinal)));
        Assert.Single(replies, r => r.Contains("kenji", StringComparison.OrdinalIgnoreCase) && r.Contains("(late)", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM weekly_updates"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM blockers"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decision_reviewers"));
        Assert.Equal("open", await connection.ExecuteScalarAsync<string>("SELECT status FROM decisions"));

        var reached = await controls.AdvanceAsync("deadline", CancellationToken.None);

        Assert.StartsWith("To the deadline of DEC-1", reached, StringComparison.Ordinal);
        Assert.NotEqual("open", await connection.ExecuteScalarAsync<string>("SELECT status FROM decisions"));
    }

    [Fact]
    public async Task Reset_empties_the_database_and_the_workspace_then_seeds_them_again()
    {
        await using var host = await SandboxHost.StartAsync(database.ConnectionString);
        var slack = host.Services.GetRequiredService<FakeSlack>();
        var controls = host.Services.GetRequiredService<ISandboxControls>();
        var clock = host.Services.GetRequiredService<SandboxClock>();
        await controls.FillSampleWeekAsync(CancellationToken.None);
        var seededMessages = slack.Messages(SandboxWorkspace.TeamChannelId).Count;

        await controls.ResetAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM weekly_updates"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM decisions"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM installations"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM team_channels"));
        Assert.True(seededMessages > slack.Messages(SandboxWorkspace.TeamChannelId).Count);
        Assert.DoesNotContain(slack.Messages(SandboxWorkspace.TeamChannelId), m => m.Text.StartsWith("📊", StringComparison.Ordinal));
        Assert.Single(slack.Calls("oauth.v2.access"));
        Assert.True(clock.GetUtcNow() - TimeProvider.System.GetUtcNow() < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_day_moves_the_clock_one_day_and_an_unknown_step_is_an_argument_error()
    {
        await using var host = await SandboxHost.StartAsync(database.ConnectionString);
        var controls = host.Services.GetRequiredService<ISandboxControls>();
        var clock = host.Services.GetRequiredService<SandboxClock>();
        var before = clock.GetUtcNow();

        var line = await controls.AdvanceAsync("day", CancellationToken.None);

        Assert.StartsWith("+1 day: now ", line, StringComparison.Ordinal);
        Assert.InRange(clock.GetUtcNow() - before, TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<ArgumentException>(() => controls.AdvanceAsync("week", CancellationToken.None));
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxb-real")]
    [InlineData("Slack:SigningSecret", "real-secret")]
    [InlineData("Slack:AppToken", "xapp-real")]
    public void Sandbox_true_beside_a_real_Slack_setting_refuses_to_start(string key, string value)
    {
        var error = StartupError(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=unused;Database=asynclead",
            ["urls"] = "http://127.0.0.1:3000",
            ["AsyncLead:Sandbox"] = "true",
            [key] = value,
        });

        Assert.Contains("AsyncLead__Sandbox=true, but Slack settings are present", error, StringComparison.Ordinal);
        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3000", "refuses to listen on http://0.0.0.0:3000")]
    [InlineData("http://+:8080", "refuses to listen on http://+:8080")]
    [InlineData("http://127.0.0.1:0", "needs a fixed port")]
    public void Sandbox_mode_listens_on_loopback_only(string urls, string expected)
    {
        var error = StartupError(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=unused;Database=asynclead_sandbox",
            ["urls"] = urls,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("AsyncLead__Sandbox=false", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_mode_refuses_a_database_whose_name_does_not_end_in_sandbox()
    {
        var error = StartupError(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=unused;Database=asynclead",
            ["urls"] = "http://127.0.0.1:3000",
        });

        Assert.Contains("ends in _sandbox", error, StringComparison.Ordinal);
        Assert.Contains("\"asynclead\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_false_turns_it_off_and_a_real_Slack_setting_keeps_it_off()
    {
        var off = SandboxHost.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=unused;Database=asynclead",
            ["urls"] = "http://0.0.0.0:3000",
            ["AsyncLead:Sandbox"] = "false",
        });
        var slack = SandboxHost.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = "Host=unused;Database=asynclead",
            ["Slack:SigningSecret"] = "real-secret",
            ["Slack:BotToken"] = "xoxb-real",
        });

        foreach (var app in new[] { off, slack })
        {
            app.ValidateSettings();
            Assert.Null(app.Services.GetService<ISandboxControls>());
            Assert.Null(app.Services.GetService<FakeSlack>());
            Assert.IsNotType<SandboxClock>(app.Services.GetRequiredService<TimeProvider>());
        }
    }

    private static string StartupError(Dictionary<string, string?> settings) =>
        Assert.Throws<StartupException>(SandboxHost.Build(settings).ValidateSettings).Message;
}

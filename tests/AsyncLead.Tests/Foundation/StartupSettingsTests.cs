using AsyncLead.Storage;
using System.Diagnostics;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Foundation;

public sealed class StartupSettingsTests
{
    private const string AnyDatabase = "Host=127.0.0.1;Database=unused;Username=u;Password=p";

    [Fact]
    public void Missing_connection_string_names_the_variable_and_how_to_get_a_database()
    {
        var error = StartupError(new Dictionary<string, string?>());
        Assert.Contains("ConnectionStrings__Postgres is not set", error);
        Assert.Contains("./run.sh", error);
    }

    [Fact]
    public void Unparseable_connection_string_says_the_expected_form()
    {
        var error = StartupError(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "Hots=oops" });
        Assert.Contains("not a valid PostgreSQL connection string", error);
    }

    [Theory]
    [InlineData("Slack:BotToken", "xoxp-user-token", "Slack__BotToken must be a bot token starting with xoxb-")]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token", "Slack__AppToken must be an app-level token starting with xapp-")]
    [InlineData("Slack:ApiBaseUrl", "slack.com/api", "Slack__ApiBaseUrl must be an absolute http(s) URL ending in '/'")]
    [InlineData("Slack:ClientId", "123.456", "Set both Slack__ClientId and Slack__ClientSecret")]
    [InlineData("AsyncLead:PublicUrl", "asynclead.example.com", "AsyncLead__PublicUrl must be an absolute http(s) URL")]
    public void Each_bad_setting_is_named_with_how_to_fix_it(string key, string value, string expected)
    {
        var error = StartupError(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = AnyDatabase, [key] = value });
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_bot_token_without_a_signing_secret_asks_for_the_signing_secret()
    {
        var error = StartupError(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = AnyDatabase,
            ["Slack:BotToken"] = "xoxb-1-2-abc",
        });
        Assert.Contains("Slack__SigningSecret", error);
    }

    [Fact]
    public void Several_problems_are_reported_together()
    {
        var error = StartupError(new Dictionary<string, string?> { ["Slack:BotToken"] = "bad", ["AsyncLead:PublicUrl"] = "bad" });
        Assert.Contains("ConnectionStrings__Postgres", error);
        Assert.Contains("Slack__BotToken", error);
        Assert.Contains("AsyncLead__PublicUrl", error);
    }

    [Fact]
    public void No_slack_settings_at_all_is_a_valid_start()
    {
        var app = AppHost.Build(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = AnyDatabase });
        app.ValidateSettings();
    }

    [Fact]
    public async Task The_real_process_exits_with_code_2_and_prints_the_problem_without_a_stack_trace()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AsyncLead.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ConnectionStrings__Postgres"] = null, ["DOTNET_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" },
        };
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("AsyncLead can't start", stderr);
        Assert.Contains("ConnectionStrings__Postgres is not set", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static string StartupError(Dictionary<string, string?> settings)
    {
        var app = AppHost.Build(settings);
        return Assert.Throws<StartupException>(app.ValidateSettings).Message;
    }
}

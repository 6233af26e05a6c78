using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Features.WeeklyUpdates;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Web;

/// <summary>
/// Two weeks of the payments team (public) and the private #leads team (Lena and Alice), lived through Slack once per
/// test class: in the week of 17 Nov Alice writes in both and Bob in payments; in the week of 24 Nov Alice writes in
/// payments again. The clock ends on Wednesday 26 Nov 2025, 09:00 UTC.
/// </summary>
public sealed class HistoryWorld : IAsyncLifetime
{
    public const string Leads = "G_LEADS";
    public const string Lena = "U_LENA";
    public const string Alice = "U_ALICE";
    public const string Bob = "U_BOB";

    private readonly TestDatabase database = new();

    public SlackScenario Scenario { get; private set; } = null!;

    public TestDatabase Database => database;

    public PageLinks Links => Scenario.Host.Services.GetRequiredService<PageLinks>();

    public SignedLinks SignedLinks => Scenario.Host.Services.GetRequiredService<SignedLinks>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        var s = Scenario = (await StartAsync(database)).WithPaymentsTeam();
        s.Slack.AddChannel(Leads, "leads", members: [Lena, Alice], isPrivate: true);
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.SetsUpWeeklyUpdatesAsync(s.User(Lena, Leads));
        await s.RunUntilAsync(FirstPrompt);
        Ok(await s.Alice().RunsCommandAsync(Command, "Done: **payouts** at 100% for done_now\nNext: payouts v2"));
        Ok(await s.User(Alice, Leads).RunsCommandAsync(Command, "Done: the secret budget"));
        Ok(await s.Bob().RunsCommandAsync(Command, "Done: refunds\nBlockers: waiting on <b>bank</b> keys & a path C:\\temp"));
        await s.RunUntilAsync(FirstClose.AddHours(1));
        Ok(await s.Alice().RunsCommandAsync(Command, "Done: Payouts v2 shipped\nNext: PAYOUTS v3"));
        await s.RunUntilAsync(new DateTimeOffset(2025, 11, 26, 9, 0, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync()
    {
        await Scenario.DisposeAsync();
        await database.DisposeAsync();
    }

    public string Person(string userId, string? viewer) => PagesWorld.PathOf(Links.Person(SlackScenario.TeamId, userId, viewer));

    public string Week(DateOnly monday, string? viewer, string channel = Channel) =>
        PagesWorld.PathOf(Links.TeamWeek(SlackScenario.TeamId, channel, monday, viewer));

    public async Task<(System.Net.HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await Scenario.Host.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void Ok(SlackResponse response) => Assert.True(response.IsSuccess && response.Json?["text"]?.GetValue<string>()?.Contains("Saved", StringComparison.Ordinal) == true,
        response.ToString());
}

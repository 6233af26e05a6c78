using System.Text.Json.Nodes;
using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>When the Home tab is published, and when it isn't.</summary>
public sealed class HomeRefreshTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Opening_the_messages_tab_publishes_nothing()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        var messagesTab = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U_ALICE", ["channel"] = "D_ALICE", ["tab"] = "messages" };

        var delivered = await s.Simulator.SendEventAsync(s.Simulator.EventCallback(messagesTab));
        await s.RunJobsAsync();

        Assert.True(delivered.IsSuccess, delivered.ToString());
        Assert.Equal(0, s.Publishes("U_ALICE"));
        await s.OpensHomeAsync(s.Alice());
        Assert.Equal(1, s.Publishes("U_ALICE"));
    }

    [Fact]
    public async Task Uninstalling_the_app_cancels_the_pending_refreshes()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.Alice().RunsCommandAsync(Command, "Completed: payouts");
        Assert.Equal(1, await s.PendingRefreshesAsync("U_ALICE"));

        await s.Simulator.SendEventAsync(s.Simulator.EventCallback(new JsonObject { ["type"] = "app_uninstalled" }));
        await s.RunJobsAsync();

        Assert.Equal(0, await s.PendingRefreshesAsync("U_ALICE"));
        Assert.Equal(0, await s.PendingRefreshesAsync("U_LENA"));
        Assert.Empty(s.Slack.Calls("views.publish"));
    }
}

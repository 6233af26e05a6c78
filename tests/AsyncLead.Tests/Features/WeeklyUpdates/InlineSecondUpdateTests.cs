using AsyncLead.Sandbox.Simulation;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.InlineWithoutLabelsTests;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Issue 15, point 3: a second inline update in a week never replaces the first silently. The person is asked
/// privately to add it or replace with it, sees what each would change and which open blockers a replace takes off;
/// Add merges section by section, and a resolved blocker stays resolved either way.
/// </summary>
public sealed class InlineSecondUpdateTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Add = "weekly_inline_add";
    private const string Replace = "weekly_inline_replace";
    private const string Resolve = "weekly_resolve_blocker";

    [Fact]
    public async Task A_second_inline_update_asks_add_or_replace_shows_the_changes_and_names_the_blocker_a_replace_drops()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done: payouts\nBlocked: waiting on API keys <!here>");

        var question = await s.Alice().RunsCommandAsync(Command, "Done: refunds; Next: launch");
        await s.RunJobsAsync();

        Assert.Equal("Not posted yet: you wrote your update for the Week of 17 Nov already. Add this to it, or replace it?", EphemeralTextFor(question));
        var shown = Shown(question);
        Assert.Contains("*Add to it* keeps everything and adds:\n• Completed: refunds\n• Next Week: launch", shown, StringComparison.Ordinal);
        Assert.Contains("*Replace it* makes your update just this one: Completed changes; Blockers goes; Next Week is added.", shown, StringComparison.Ordinal);
        Assert.Contains("⚠️ *Replace it* takes this open blocker off your update:\n🚧 waiting on API keys &lt;!here&gt;", shown, StringComparison.Ordinal);
        Assert.Equal(["Add to it", "Replace it", "Cancel"], Buttons(question));
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.False(reply.Edited);
        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task Add_merges_section_by_section_without_repeating_a_line_and_keeps_the_first_blocker_open()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done:\n- payouts\nBlocked: waiting on API keys");
        var blocker = Assert.Single(await OpenBlockersAsync());

        var question = await s.Alice().RunsCommandAsync(Command, "Done:\n- Payouts\n- refunds\nBlocked: flaky CI");
        Assert.Contains("adds:\n• Completed: - refunds\n• Blockers: flaky CI", Shown(question), StringComparison.Ordinal);
        await s.Alice().ClicksInAnswerAsync(question, Add);
        await s.RunJobsAsync();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var (completed, blockers) = await connection.QuerySingleAsync<(string, string)>("SELECT completed, blockers FROM weekly_updates");
        Assert.Equal("- payouts\n- refunds", completed);
        Assert.Equal("waiting on API keys\nflaky CI", blockers);
        var open = await OpenBlockersAsync();
        Assert.Equal(2, open.Count);
        Assert.Equal(blocker, open[0]);
        Assert.Equal("flaky CI", open[1].Text);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.True(reply.Edited);
        Assert.Contains("🚧 waiting on API keys", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("🚧 flaky CI", reply.VisibleText, StringComparison.Ordinal);
        Assert.StartsWith("✏️ Updated", s.Slack.ResponseUrlPosts().Last().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replace_makes_the_update_just_the_new_one_and_the_blocker_it_named_goes()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done: payouts\nWIP: refunds\nBlocked: waiting on API keys");

        var question = await s.Alice().RunsCommandAsync(Command, "Done: payouts and refunds");
        await s.Alice().ClicksInAnswerAsync(question, Replace);
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText;
        Assert.Contains("*Completed*\npayouts and refunds", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("In Progress", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("API keys", reply, StringComparison.Ordinal);
        Assert.Empty(await OpenBlockersAsync());
    }

    [Fact]
    public async Task A_resolved_blocker_stays_resolved_after_add_and_after_replace()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done: payouts\nBlocked:\n- API keys\n- flaky CI");
        var first = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        await s.Lena().ClicksAsync(first, Resolve);
        await s.RunJobsAsync();

        var question = await s.Alice().RunsCommandAsync(Command, "Done: refunds");
        Assert.Contains("takes this open blocker off your update:\n🚧 flaky CI\n", Shown(question), StringComparison.Ordinal);
        await s.Alice().ClicksInAnswerAsync(question, Add);
        await s.RunJobsAsync();
        var replaced = await s.Alice().RunsCommandAsync(Command, "Done: refunds\nBlocked: api keys");
        await s.Alice().ClicksInAnswerAsync(replaced, Replace);
        await s.RunJobsAsync();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(string Text, bool Resolved)>("SELECT text, resolved_at IS NOT NULL FROM blockers ORDER BY id")).ToList();
        // Listed again, the resolved one is not opened anew; flaky CI, which the replace named, went.
        Assert.Equal([("API keys", true)], rows);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText;
        Assert.Contains("✅ ~API keys~ (resolved)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("🚧", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_click_after_the_update_changed_asks_again_and_a_double_click_saves_once()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done: payouts\nBlocked: waiting on API keys");
        var question = await s.Alice().RunsCommandAsync(Command, "Done: refunds");
        await s.Alice().RunsCommandAsync(Command);
        await s.Alice().SubmitsViewAsync(("Completed", "payouts"), ("Blockers", "waiting on API keys\nno staging DB"));
        await s.RunJobsAsync();

        await s.Alice().ClicksInAnswerAsync(question, Replace);

        var asked = s.Slack.ResponseUrlPosts().Last();
        Assert.True(asked.Body["replace_original"]?.GetValue<bool>());
        var again = asked.Body["blocks"]!.ToJsonString();
        Assert.Contains("Your update changed since I asked", again, StringComparison.Ordinal);
        Assert.Contains("these 2 open blockers", again, StringComparison.Ordinal);
        Assert.Equal(2, await VersionAsync());

        var shownAgain = Assert.Single(s.Slack.Ephemerals(Channel, "U_ALICE"), m => m.Text.StartsWith("Not posted yet", StringComparison.Ordinal));
        // A double click: both clicks leave before either answer replaced the question.
        await Task.WhenAll(s.Alice().ClicksAsync(shownAgain, Add), s.Alice().ClicksAsync(shownAgain, Add));
        await s.RunJobsAsync();

        Assert.Equal(3, await VersionAsync());
        var answers = s.Slack.ResponseUrlPosts().TakeLast(2).Select(p => p.Text!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal("Already done: this was added to your update.", answers[0]);
        Assert.StartsWith("✏️ Updated", answers[1], StringComparison.Ordinal);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText;
        Assert.Contains("payouts\nrefunds", reply, StringComparison.Ordinal);
        Assert.Contains("🚧 no staging DB", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_the_same_update_again_changes_nothing_and_asks_nothing()
    {
        await using var s = await StartedWithFirstUpdateAsync("Done: payouts; Blocked: waiting on API keys");

        var again = await s.Alice().RunsCommandAsync(Command, "done: Payouts; blocked: waiting on  API keys");

        Assert.Equal("Your update for the Week of 17 Nov says this already, so nothing changed.", EphemeralTextFor(again));
        Assert.Equal(1, await VersionAsync());
    }

    private async Task<SlackScenario> StartedWithFirstUpdateAsync(string first)
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        var saved = await s.Alice().RunsCommandAsync(Command, first);
        Assert.StartsWith("✅ Saved", EphemeralTextFor(saved), StringComparison.Ordinal);
        await s.RunJobsAsync();
        return s;
    }

    private static IReadOnlyList<string> Buttons(SlackResponse answer) =>
        [.. answer.Json!["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!["text"]!["text"]!.GetValue<string>())];

    private async Task<int> VersionAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT version FROM weekly_updates");
    }

    private async Task<IReadOnlyList<(long Id, string Text)>> OpenBlockersAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(long, string)>("SELECT id, text FROM blockers WHERE resolved_at IS NULL ORDER BY id")];
    }
}

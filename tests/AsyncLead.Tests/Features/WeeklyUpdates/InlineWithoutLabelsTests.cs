using AsyncLead.Sandbox.Simulation;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

/// <summary>
/// Issue 15, point 2: an inline <c>/weekly-update</c> with no section label is never posted at once. The person gets a
/// private preview of how it would read, and posts it (under Completed), opens it in the form, or cancels.
/// </summary>
public sealed class InlineWithoutLabelsTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string Post = "weekly_inline_post";
    private const string Form = "weekly_inline_form";
    private const string Cancel = "weekly_inline_cancel";

    [Fact]
    public async Task Text_with_no_label_is_not_posted_but_previewed_privately_with_post_form_and_cancel()
    {
        await using var s = await StartedAsync();

        var preview = await s.Alice().RunsCommandAsync(Command, "out sick today <!channel>");
        await s.RunJobsAsync();

        Assert.True(preview.IsSuccess, preview.ToString());
        Assert.Equal("ephemeral", preview.Json?["response_type"]?.GetValue<string>());
        Assert.StartsWith("Not posted yet", EphemeralTextFor(preview), StringComparison.Ordinal);
        var shown = Shown(preview);
        Assert.Contains("Nothing is posted yet", shown, StringComparison.Ordinal);
        Assert.Contains("*Completed*\nout sick today &lt;!channel&gt;", shown, StringComparison.Ordinal);
        Assert.Equal(["Post as Completed", "Open in the form", "Cancel"], Buttons(preview));
        Assert.Empty(SlackBroadcasts.In(preview.Json));
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Equal(0, await UpdateCountAsync());
    }

    [Fact]
    public async Task Post_as_completed_posts_it_under_completed_and_a_second_click_only_says_it_is_posted()
    {
        await using var s = await StartedAsync();
        var preview = await s.Alice().RunsCommandAsync(Command, "fixed the login bug and reviewed refunds");

        Assert.True((await s.Alice().ClicksInAnswerAsync(preview, Post)).IsSuccess);
        await s.RunJobsAsync();
        Assert.True((await s.Alice().ClicksInAnswerAsync(preview, Post)).IsSuccess);
        await s.RunJobsAsync();

        var answers = s.Slack.ResponseUrlPosts().Where(p => p.UserId == "U_ALICE").ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, answer => Assert.True(answer.Body["replace_original"]?.GetValue<bool>()));
        Assert.StartsWith("✅ Saved: I'm posting it as your reply in the Week of 17 Nov thread", answers[0].Text, StringComparison.Ordinal);
        Assert.Equal("Already posted: this is in your update.", answers[1].Text);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Contains("*Completed*\nfixed the login bug and reviewed refunds", reply.VisibleText, StringComparison.Ordinal);
        Assert.False(reply.Edited);
        Assert.Equal(1, await UpdateCountAsync());
    }

    [Fact]
    public async Task Cancel_deletes_the_preview_saves_nothing_and_a_late_post_click_says_it_was_cancelled()
    {
        await using var s = await StartedAsync();
        var preview = await s.Alice().RunsCommandAsync(Command, "out sick today");

        await s.Alice().ClicksInAnswerAsync(preview, Cancel);
        await s.Alice().ClicksInAnswerAsync(preview, Post);
        await s.RunJobsAsync();

        var answers = s.Slack.ResponseUrlPosts().Where(p => p.UserId == "U_ALICE").ToList();
        Assert.Equal(2, answers.Count);
        Assert.True(answers[0].Body["delete_original"]?.GetValue<bool>());
        Assert.Equal("You cancelled this one already: nothing of it was saved.", answers[1].Text);
        Assert.Empty(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Equal(0, await UpdateCountAsync());
    }

    [Fact]
    public async Task Open_in_the_form_opens_the_weeks_form_with_the_text_under_completed()
    {
        await using var s = await StartedAsync();
        var preview = await s.Alice().RunsCommandAsync(Command, "reviewed the **refunds** PRs");

        Assert.True((await s.Alice().ClicksInAnswerAsync(preview, Form)).IsSuccess);

        var form = s.Slack.OpenModalFor("U_ALICE")!;
        Assert.Equal("weekly_update", form.CallbackId);
        var completed = form.Blocks.Single(b => b!["block_id"]?.GetValue<string>() == "completed");
        Assert.Equal("reviewed the **refunds** PRs", completed!["element"]!["initial_value"]!.GetValue<string>());
        Assert.Empty(s.Slack.ResponseUrlPosts());
        await s.Alice().SubmitsViewAsync(("Completed", "reviewed the **refunds** PRs"), ("Next Week", "ship refunds"));
        await s.RunJobsAsync();
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.Contains("*refunds*", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_update_written_already_the_text_is_added_to_completed_and_the_blocker_stays_as_it_was()
    {
        await using var s = await StartedAsync();
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlocked: waiting on API keys");
        await s.RunJobsAsync();
        var blocker = await OpenBlockerIdsAsync();

        var preview = await s.Alice().RunsCommandAsync(Command, "reviewed refunds");
        Assert.Equal(["Add to Completed", "Open in the form", "Cancel"], Buttons(preview));
        await s.Alice().ClicksInAnswerAsync(preview, Post);
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.True(reply.Edited);
        Assert.Contains("*Completed*\npayouts\nreviewed refunds", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("🚧 waiting on API keys", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal(blocker, await OpenBlockerIdsAsync());
    }

    [Fact]
    public async Task A_long_text_with_no_label_survives_to_the_post_whole()
    {
        await using var s = await StartedAsync();
        var text = string.Join(" ", Enumerable.Range(1, 700).Select(i => $"step{i}"));
        Assert.True(text.Length > 2000, "longer than a button value may be");

        var preview = await s.Alice().RunsCommandAsync(Command, text);
        await s.Alice().ClicksInAnswerAsync(preview, Post);
        await s.RunJobsAsync();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(text, await connection.QuerySingleAsync<string>("SELECT completed FROM weekly_updates"));
    }

    private async Task<SlackScenario> StartedAsync()
    {
        var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        return s;
    }

    private static IReadOnlyList<string> Buttons(SlackResponse answer) =>
        [.. answer.Json!["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Select(e => e!["text"]!["text"]!.GetValue<string>())];

    /// <summary>Every text of the answer's blocks, one per line, as Slack would show them.</summary>
    internal static string Shown(SlackResponse answer) =>
        string.Join("\n", answer.Json!["blocks"]!.AsArray().SelectMany(b => new[] { b!["text"] }.Concat(b!["elements"]?.AsArray() ?? []))
            .Select(t => t?["text"] is { } inner && inner.GetValueKind() == System.Text.Json.JsonValueKind.String ? inner.GetValue<string>() : null)
            .Where(t => t is not null));

    private async Task<int> UpdateCountAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT count(*)::int FROM weekly_updates");
    }

    private async Task<IReadOnlyList<long>> OpenBlockerIdsAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<long>("SELECT id FROM blockers WHERE resolved_at IS NULL ORDER BY id")];
    }
}

using AsyncLead.Tests.Infrastructure;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class SubmissionTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Alice_writes_in_the_modal_and_it_lands_as_her_reply_in_the_weeks_thread_formatted_from_markdown()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var ack = await s.Alice().RunsCommandAsync(Command);
        Assert.True(ack.IsSuccess, ack.ToString());
        var modal = s.Slack.OpenModalFor("U_ALICE")!;
        Assert.Equal(["Completed", "In Progress", "Blockers", "Next Week"],
            modal.Blocks.Where(b => b!["type"]!.GetValue<string>() == "input").Select(b => b!["label"]!["text"]!.GetValue<string>()));
        await s.Alice().SubmitsViewAsync(
            ("Completed", "- Shipped **payouts** v2\n- Fixed the <script> & escaping bug"),
            ("Next Week", "Refunds <!channel>"));
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        var text = reply.VisibleText;
        Assert.Contains("*alice*'s update", text, StringComparison.Ordinal);
        Assert.Contains("*Completed*", text, StringComparison.Ordinal);
        Assert.Contains("*payouts*", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt; &amp; escaping", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("In Progress", text, StringComparison.Ordinal);
        Assert.EndsWith("Anything unclear? Reply in this thread and mention <@U_ALICE>: your question reaches them in a DM.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(late)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_again_the_same_week_edits_her_reply_instead_of_posting_a_second_one()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command);
        await s.Alice().SubmitsViewAsync(("Completed", "Shipped payouts"));
        await s.RunJobsAsync();

        await s.Alice().RunsCommandAsync(Command);
        var form = s.Slack.OpenModalFor("U_ALICE")!;
        Assert.Contains("Shipped payouts", form.Blocks.ToJsonString(), StringComparison.Ordinal);
        await s.Alice().SubmitsViewAsync(("Completed", "Shipped payouts and refunds"));
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts));
        Assert.True(reply.Edited);
        Assert.Contains("Shipped payouts and refunds", reply.VisibleText, StringComparison.Ordinal);
        Assert.Single(s.Slack.Calls("chat.postMessage"), c => c.Arg("thread_ts") is not null);
        Assert.Single(s.Slack.Calls("chat.update"), c => c.Arg("ts") == reply.Ts);
    }

    [Fact]
    public async Task Editing_in_the_form_keeps_the_notes_written_inline_and_drops_the_blocker_she_deleted()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command, "Done: payouts\nBlocked:\n- API keys\n- Legal sign-off\nRisks: the bank may change its API");
        await s.RunJobsAsync();

        await s.Alice().RunsCommandAsync(Command);
        await s.Alice().SubmitsViewAsync(("Completed", "payouts and refunds"), ("Blockers", "- legal   SIGN-OFF"));
        await s.RunJobsAsync();

        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText;
        Assert.Contains("payouts and refunds", reply, StringComparison.Ordinal);
        Assert.Contains("the bank may change its API", reply, StringComparison.Ordinal);
        Assert.Contains("🚧 legal   SIGN-OFF", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("API keys", reply, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var blockers = (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT text FROM blockers WHERE resolved_at IS NULL")).ToList();
        Assert.Equal(["legal   SIGN-OFF"], blockers);
    }

    [Fact]
    public async Task The_form_starts_this_weeks_in_progress_from_last_weeks_next_week()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);
        await s.Alice().RunsCommandAsync(Command);
        await s.Alice().SubmitsViewAsync(("Completed", "Payouts"), ("Next Week", "Refunds API"));
        await s.RunUntilAsync(FirstPrompt.AddDays(7));

        await s.Alice().RunsCommandAsync(Command);

        var inProgress = s.Slack.OpenModalFor("U_ALICE")!.Blocks.Single(b => b!["block_id"]?.GetValue<string>() == "in_progress");
        Assert.Equal("Refunds API", inProgress!["element"]!["initial_value"]!.GetValue<string>());
        var completed = s.Slack.OpenModalFor("U_ALICE")!.Blocks.Single(b => b!["block_id"]?.GetValue<string>() == "completed");
        Assert.Null(completed!["element"]!["initial_value"]);
    }

    [Fact]
    public async Task An_inline_update_is_split_by_its_labels_and_posted_as_her_reply()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstPrompt);

        var ack = await s.Alice().RunsCommandAsync(Command, "Done: shipped payouts\nWIP: refunds\nBlocked: waiting on API keys\nNext: launch");
        await s.RunJobsAsync();

        Assert.Contains("Saved", EphemeralTextFor(ack), StringComparison.Ordinal);
        var reply = Assert.Single(s.Slack.ThreadReplies(Channel, s.Root("Week of 17 Nov").Ts)).VisibleText;
        Assert.Contains("*Completed*\nshipped payouts", reply, StringComparison.Ordinal);
        Assert.Contains("*In Progress*\nrefunds", reply, StringComparison.Ordinal);
        Assert.Contains("*Blockers*\n🚧 waiting on API keys\nResolve", reply, StringComparison.Ordinal);
        Assert.Contains("*Next Week*\nlaunch", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_writing_at_the_same_moment_before_any_prompt_share_one_new_root()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());

        var acks = await Task.WhenAll(
            s.Alice().RunsCommandAsync(Command, "Done: payouts"),
            s.Bob().RunsCommandAsync(Command, "Done: refunds"));
        await s.RunJobsAsync();

        Assert.All(acks, ack => Assert.Contains("Saved", EphemeralTextFor(ack), StringComparison.Ordinal));
        var root = Assert.Single(s.Roots());
        Assert.Equal(2, s.Slack.ThreadReplies(Channel, root.Ts).Count);
    }

    [Fact]
    public async Task An_update_written_after_the_week_closed_lands_in_its_own_weeks_thread_marked_late()
    {
        await using var s = (await StartAsync(database)).WithPaymentsTeam();
        await s.SetsUpWeeklyUpdatesAsync(s.Lena());
        await s.RunUntilAsync(FirstClose.AddHours(2));

        var prompt = s.Nudges("U_ALICE")[0];
        await s.User("U_ALICE").ClicksAsync(prompt, "weekly_write");
        await s.User("U_ALICE").SubmitsViewAsync(("Completed", "Payouts, finally"));
        await s.RunJobsAsync();

        var root = Assert.Single(s.Roots());
        Assert.Contains("Week of 17 Nov", root.Text, StringComparison.Ordinal);
        var late = Assert.Single(s.Slack.ThreadReplies(Channel, root.Ts), r => r.VisibleText.Contains("Payouts, finally", StringComparison.Ordinal));
        Assert.Contains("(late)", late.VisibleText, StringComparison.Ordinal);
    }
}

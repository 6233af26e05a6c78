using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;
using static AsyncLead.Tests.Features.WeeklyUpdates.WeeklyWorld;

namespace AsyncLead.Tests.Features.Home;

/// <summary>A reviewer's Home tab lists the docs waiting on them, and answering there uses the doc's own buttons.</summary>
public sealed class WaitingOnYouTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // Alice posts on Monday 17 Nov 08:00 UTC; the default deadline is Thu 20 Nov 17:00 in Berlin.
    private static readonly DateTimeOffset Deadline = new(2025, 11, 20, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bob_is_shown_the_doc_with_its_deadline_in_his_time_and_once_he_approves_from_home_it_is_gone()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.PostsDocAsync(s.Alice(), "Adopt Postgres queues", "U_BOB", "U_LENA");

        // Posting the doc refreshed the reviewers' tabs: nobody had to open them.
        var home = s.Home("U_BOB");
        Assert.Contains("Waiting on you (1)", home.VisibleText, StringComparison.Ordinal);
        Assert.Contains("DEC-1 *Adopt Postgres queues* in <#C_PAY> by <@U_ALICE>", home.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"Responses due <!date^{Deadline.ToUnixTimeSeconds()}^{{date_short_pretty}} at {{time}}|Thu 20 Nov 2025 11:00 America/New_York>",
            home.VisibleText, StringComparison.Ordinal);
        Assert.Contains("|Open the doc>", home.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Thu 20 Nov 2025 17:00 Europe/Berlin>", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, s.Publishes("U_CAROL"));

        var clicked = await s.User("U_BOB").ClicksAsync(home, "decision_approve");
        Assert.True(clicked.IsSuccess, clicked.ToString());
        await s.RunJobsAsync();

        var after = s.Home("U_BOB").VisibleText;
        Assert.Contains("Waiting on you (0)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Adopt Postgres queues", after, StringComparison.Ordinal);
        Assert.Contains("Approved: <@U_BOB>", s.Slack.Messages(Channel).Last().VisibleText, StringComparison.Ordinal);
        // A click on Home has no channel to answer in, so the confirmation comes as a DM.
        Assert.Contains(s.Slack.Messages("U_BOB"), m => m.Text == "You approved DEC-1 *Adopt Postgres queues*.");
        Assert.Contains("Waiting on you (1)", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lena_raises_a_concern_from_home_in_the_docs_own_form_and_the_doc_leaves_her_list()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.PostsDocAsync(s.Alice(), "Adopt Postgres queues", "U_BOB", "U_LENA");
        await s.PostsDocAsync(s.Alice(), "Drop the monorepo", "U_LENA");
        var home = s.Home("U_LENA");
        Assert.Contains("Waiting on you (2)", home.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["1", "2"], home.ButtonValues("decision_concern"));
        var alicesBefore = s.Publishes("U_ALICE");

        await s.Lena().ClicksAsync(home, "decision_concern");
        Assert.Equal("decision_comment", s.Slack.OpenModalFor("U_LENA")!.CallbackId);
        await s.Lena().SubmitsViewAsync(("Your concern", "What about **retention**?"));
        await s.RunJobsAsync();

        var after = s.Home("U_LENA");
        Assert.Contains("Waiting on you (1)", after.VisibleText, StringComparison.Ordinal);
        Assert.Equal(["2"], after.ButtonValues("decision_concern"));
        var doc = s.Slack.Messages(Channel).First(m => m.VisibleText.Contains("Adopt Postgres queues", StringComparison.Ordinal));
        Assert.Contains(s.Slack.ThreadReplies(Channel, doc.Ts), reply => reply.VisibleText.Contains("*retention*", StringComparison.Ordinal));
        // The author's tab was refreshed by the answer too.
        Assert.Equal(alicesBefore + 1, s.Publishes("U_ALICE"));
    }

    [Fact]
    public async Task A_withdrawn_doc_leaves_every_reviewers_home()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        await s.PostsDocAsync(s.Alice(), "Adopt Postgres queues", "U_BOB", "U_LENA");
        var bobBefore = s.Publishes("U_BOB");

        await s.Alice().ClicksAsync(s.Slack.Messages(Channel).Last(), "decision_withdraw");
        await s.RunJobsAsync();

        Assert.Equal(bobBefore + 1, s.Publishes("U_BOB"));
        Assert.Contains("Waiting on you (0)", s.Home("U_BOB").VisibleText, StringComparison.Ordinal);
        Assert.Contains("Waiting on you (0)", s.Home("U_LENA").VisibleText, StringComparison.Ordinal);
        await using var connection = await s.Host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        Assert.Equal("withdrawn", await connection.ExecuteScalarAsync<string>("SELECT status FROM decisions WHERE number = 1"));
    }

    [Fact]
    public async Task A_doc_whose_post_is_held_back_is_on_the_reviewers_home_at_once_and_gains_its_link_when_it_lands()
    {
        await using var s = (await HomeWorld.StartAsync(database)).WithPaymentsTeam();
        s.Slack.Faults.RateLimit("chat.postMessage", times: 1, retryAfterSeconds: 30);

        await s.PostsDocAsync(s.Alice(), "Adopt Postgres queues", "U_BOB");

        Assert.Contains("Waiting on you (1)", s.Home("U_BOB").VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("|Open the doc>", s.Home("U_BOB").VisibleText, StringComparison.Ordinal);

        await s.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Single(s.Slack.Messages(Channel));
        Assert.Contains("|Open the doc>", s.Home("U_BOB").VisibleText, StringComparison.Ordinal);
    }
}

using AsyncLead.Features.Decisions;
using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Tests.Features.Decisions;

public sealed class BlockerDocPrefillTests
{
    private static readonly DateTimeOffset Opened = new(2025, 11, 21, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_title_is_the_blocker_on_one_line_cut_to_fit_and_the_problem_quotes_it_whole_on_the_readers_day()
    {
        var text = "Waiting on the bank's API keys for payouts\n  still no reply from their ops team, " + new string('x', 200);
        var doc = BlockerDocAction.Prefill(new OpenBlocker(7, 1, "C_PAY", "U_ALICE", text, Opened), "alice", "Europe/Berlin");

        Assert.StartsWith("Waiting on the bank's API keys for payouts still no reply", doc.Title, StringComparison.Ordinal);
        Assert.Equal(DecisionModals.TitleMaxLength, doc.Title.Length);
        Assert.EndsWith("…", doc.Title, StringComparison.Ordinal);
        Assert.StartsWith("alice has written this blocker in their weekly updates, unchanged, week after week (open since Sat 22 Nov 2025):\n\n"
            + "> Waiting on the bank's API keys for payouts\n>   still no reply", doc.ProblemStatement, StringComparison.Ordinal);
        Assert.EndsWith("\n\nWhat do we need to decide to unblock it?", doc.ProblemStatement, StringComparison.Ordinal);
        Assert.Equal(("", "", "", ""), (doc.OptionsConsidered, doc.Analysis, doc.Recommendation, doc.QuestionsForTeam));
    }

    [Theory]
    [InlineData("C_PAY", null, null)]
    [InlineData("C_PAY:12", 12, null)]
    [InlineData("C_PAY::45", null, 45L)]
    [InlineData("C_PAY:12:45", 12, 45L)]
    public void The_forms_metadata_carries_the_blocker_and_reads_back_what_it_wrote_and_what_older_forms_wrote(string metadata, int? supersedes, long? blocker)
    {
        var target = DocFormTarget.Parse(metadata);

        Assert.Equal(new DocFormTarget("C_PAY", supersedes is { } n ? new DecisionShortId(n) : null, blocker), target);
        Assert.Equal(metadata, target.Metadata);
    }
}

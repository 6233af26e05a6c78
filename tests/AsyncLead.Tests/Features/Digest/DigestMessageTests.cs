using AsyncLead.Features.Digest;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.Digest;

public sealed class DigestMessageTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero);
    private static readonly Uri Page = new("https://asynclead.test/w/token");
    private static readonly TeamWeek Week = TeamWeek.Containing(new DateOnly(2025, 11, 17));
    private static readonly ParticipationFigures Figures = new(3, 1, 1, 1, TimeSpan.FromHours(2), 225);

    private static Uri Reply(int n) => new($"https://acme.slack.com/archives/C_PAY/p{n}");

    private static DigestList Of(params DigestLine[] lines) => new(lines, lines.Length);

    private static DigestContent Content(DigestList? newBlockers = null, IReadOnlyList<DigestWriter>? wrote = null) => new(
        "C_PAY", Week, Figures,
        wrote ?? [new DigestWriter("alice", Reply(1))], ["bob"], ["<lena>"],
        newBlockers ?? Of(new DigestLine("keys from the bank", "alice, open 2 days", Reply(2))),
        DigestList.Empty,
        Of(new DigestLine("DEC-2: Drop Redis", "responses due", Reply(3), Now.AddDays(2))),
        DigestList.Empty, DigestList.Empty, DigestList.Empty, Page);

    private static IReadOnlyList<string> Sections(MessageContent message) =>
        [.. message.Blocks.OfType<SectionBlock>().Select(s => s.Text!.Text)];

    [Fact]
    public void The_digest_names_the_team_and_week_gives_the_figures_and_links_every_item_to_its_message()
    {
        var message = DigestMessage.Render(Content());

        var sections = Sections(message);
        Assert.Equal("*🗞️ Weekly digest for <#C_PAY>: Week of 17 Nov*", sections[0]);
        Assert.Equal(
            "*Participation:* 1/3 wrote · median 2 h from prompt to update · 3 h 45 min of meetings saved\n" +
            "✅ Wrote (1): <https://acme.slack.com/archives/C_PAY/p1|alice>\n🌴 Away (1): bob\n⏳ Missing (1): &lt;lena&gt;",
            sections[1]);
        Assert.Equal("*🚧 New blockers (1)*\n• <https://acme.slack.com/archives/C_PAY/p2|keys from the bank> — alice, open 2 days", sections[2]);
        Assert.Equal("*🧱 Blockers open over a week:* none", sections[3]);
        Assert.StartsWith("*🗳️ Decisions due this week (1)*\n• <https://acme.slack.com/archives/C_PAY/p3|DEC-2: Drop Redis> — responses due <!date^", sections[4], StringComparison.Ordinal);
        var footer = Assert.IsType<ContextBlock>(message.Blocks[^1]);
        Assert.Equal("<https://asynclead.test/w/token|Open the Week of 17 Nov page> for every update, blocker and name.", ((MrkdwnText)footer.Elements[0]).Text);
        Assert.Equal("Weekly digest for Week of 17 Nov: 1/3 wrote, 1 new blocker, 0 blockers open over a week, 1 decision due", message.Text);
    }

    [Fact]
    public void A_big_team_shows_the_first_items_and_sends_the_rest_to_the_week_page_within_slacks_limits()
    {
        var blockers = Enumerable.Range(1, 20)
            .Select(i => new DigestLine(new string('x', 400) + $" <blocker {i}>", "someone, open 3 days", Reply(i)))
            .ToList();
        var writers = Enumerable.Range(1, 32).Select(i => new DigestWriter($"person{i}", Reply(i))).ToList();

        var message = DigestMessage.Render(Content(new DigestList([.. blockers.Take(DigestMessage.ItemsPerList)], 20), writers));

        var sections = Sections(message);
        Assert.Contains("…and 12 more on the <https://asynclead.test/w/token|week page>", sections[1], StringComparison.Ordinal);
        Assert.Contains("|person20>", sections[1], StringComparison.Ordinal);
        Assert.DoesNotContain("person21", sections[1], StringComparison.Ordinal);
        Assert.StartsWith("*🚧 New blockers (20)*", sections[2], StringComparison.Ordinal);
        Assert.Equal(DigestMessage.ItemsPerList, sections[2].Split('\n').Count(line => line.StartsWith("• ", StringComparison.Ordinal)));
        Assert.EndsWith("\n…and 12 more on the <https://asynclead.test/w/token|week page>", sections[2], StringComparison.Ordinal);
        // Long texts are cut (and escaped after cutting), so no section needs splitting.
        Assert.DoesNotContain("<blocker", sections[2], StringComparison.Ordinal);
        Assert.All(sections, text => Assert.InRange(text.Length, 1, BlockKitLimits.SectionText));
        Assert.Equal(message.Blocks.Count, BlockKitLimits.FitMessage(message.Blocks).Count);
        Assert.InRange(message.Blocks.Count, 1, BlockKitLimits.MessageBlocks);
    }

    [Fact]
    public void Blockers_are_new_since_the_last_digest_aged_after_a_week_open_or_resolved_since_the_last_digest()
    {
        var since = Now.AddDays(-7);
        StoredBlocker Blocker(long id, double openedDaysAgo, double? resolvedDaysAgo = null) =>
            new(id, "U_ALICE", $"b{id}", Now.AddDays(-openedDaysAgo), resolvedDaysAgo is { } r ? Now.AddDays(-r) : null, null, null);

        var (fresh, aged, resolved) = DigestBlockers.Classify(
        [
            Blocker(1, 2),
            Blocker(2, 20),
            Blocker(3, 9),
            Blocker(4, 3, resolvedDaysAgo: 1),
            Blocker(5, 30, resolvedDaysAgo: 10),
            Blocker(6, 7),
            Blocker(7, 6.9),
        ], since, Now);

        // Opened exactly at the last digest is new, not aged; a week and a bit is aged; oldest first.
        Assert.Equal([6L, 7L, 1L], fresh.Select(b => b.Id));
        Assert.Equal([2L, 3L], aged.Select(b => b.Id));
        Assert.Equal([4L], resolved.Select(b => b.Id));
    }
}

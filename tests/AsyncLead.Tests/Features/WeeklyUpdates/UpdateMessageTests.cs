using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class UpdateMessageTests
{
    private static string Texts(MessageContent message) =>
        string.Join("\n", message.Blocks.Select(b => b switch
        {
            SectionBlock section => section.Text!.Text,
            ContextBlock context => string.Join(" ", context.Elements.Select(e => e.Text)),
            _ => "",
        }));

    [Fact]
    public void Only_written_sections_appear_in_order_under_bold_labels_and_the_reply_invites_questions()
    {
        var message = UpdateMessage.Render("alice", new WeeklyUpdateSections("Shipped", "", "Keys", "Refunds", "FYI"), isLate: false);

        Assert.Equal("*alice*'s update\n*Completed*\nShipped\n*Blockers*\nKeys\n*Next Week*\nRefunds\n*Notes*\nFYI\nAnything unclear? Reply in this thread",
            Texts(message));
        Assert.Equal("alice's weekly update", message.Text);
    }

    [Fact]
    public void A_late_update_says_so_in_its_heading_and_its_notification()
    {
        var message = UpdateMessage.Render("bob", new WeeklyUpdateSections("Shipped", "", "", "", ""), isLate: true);

        Assert.StartsWith("*bob*'s update _(late)_", Texts(message), StringComparison.Ordinal);
        Assert.Equal("bob's weekly update (late)", message.Text);
    }

    [Fact]
    public void Names_and_text_are_escaped_and_broadcast_mentions_lose_their_power_but_person_mentions_stay()
    {
        var message = UpdateMessage.Render("<b>&co", new WeeklyUpdateSections("Paired with <@U_BOB> <!here> <!channel> & co", "", "", "", ""), isLate: false);
        var text = Texts(message);

        Assert.Contains("*&lt;b&gt;&amp;co*", text, StringComparison.Ordinal);
        Assert.Contains("<@U_BOB>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Contains("&amp; co", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_section_is_split_into_sections_within_slacks_limit_without_losing_text()
    {
        var completed = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"- item {i:000} done with a longer description"));

        var message = UpdateMessage.Render("alice", new WeeklyUpdateSections(completed, "", "", "", ""), isLate: false);

        var sections = message.Blocks.OfType<SectionBlock>().Select(b => b.Text!.Text).ToList();
        Assert.True(sections.Count > 3);
        Assert.All(sections, text => Assert.InRange(text.Length, 1, BlockKitLimits.SectionText));
        Assert.Contains("item 001", string.Join("\n", sections), StringComparison.Ordinal);
        Assert.Contains("item 200", string.Join("\n", sections), StringComparison.Ordinal);
    }
}

public sealed class WeekSummaryTests
{
    private static readonly DateTimeOffset Close = new(2025, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, "opened today")]
    [InlineData(23, "opened today")]
    [InlineData(24, "open 1 day")]
    [InlineData(71, "open 2 days")]
    [InlineData(9 * 24, "open 9 days")]
    public void A_blockers_age_is_whole_days_since_it_was_first_written(int hoursAgo, string expected) =>
        Assert.Equal(expected, WeekSummary.Age(Close.AddHours(-hoursAgo), Close));

    [Fact]
    public void The_summary_names_who_wrote_was_away_and_is_missing_and_offers_resolve_only_on_open_blockers()
    {
        var summary = WeekSummary.Render("Week of 17 Nov", ["alice"], ["bob"], ["lena", "<dan>"],
        [
            new SummaryBlocker(7, "keys from the bank", "alice", new Uri("https://acme.slack.com/archives/C_PAY/p1"), Close.AddDays(-9), null),
            new SummaryBlocker(8, "flaky CI", "alice", null, Close.AddDays(-2), "lena"),
        ], Close);

        var sections = summary.Blocks.OfType<SectionBlock>().ToList();
        Assert.Equal("*Wrote (1):* alice\n*Away (1):* bob\n*Missing (2):* lena, &lt;dan&gt;", sections[1].Text!.Text);
        Assert.Equal("*Blockers (1 open)*", sections[2].Text!.Text);
        Assert.Equal("🚧 keys from the bank — alice, open 9 days · <https://acme.slack.com/archives/C_PAY/p1|reply>", sections[3].Text!.Text);
        Assert.Equal("7", Assert.IsType<ButtonElement>(sections[3].Accessory).Value);
        Assert.Equal("✅ ~flaky CI~ — alice, resolved by lena", sections[4].Text!.Text);
        Assert.Null(sections[4].Accessory);
        Assert.Equal("Week of 17 Nov: 1 wrote, 1 away, 2 missing, 1 open blockers", summary.Text);
    }

    [Fact]
    public void A_week_without_blockers_says_so_and_a_huge_list_stays_within_slacks_block_limit()
    {
        Assert.Contains(WeekSummary.Render("W", [], [], [], [], Close).Blocks.OfType<SectionBlock>(), b => b.Text!.Text == "*Blockers:* none 🎉");

        var many = Enumerable.Range(1, 80).Select(i => new SummaryBlocker(i, $"blocker {i}", "alice", null, Close, null)).ToList();
        var summary = WeekSummary.Render("W", [], [], [], many, Close);

        Assert.InRange(summary.Blocks.Count, 1, BlockKitLimits.MessageBlocks);
        Assert.Contains(summary.Blocks.OfType<ContextBlock>(), b => b.Elements[0].Text == "…and 40 more.");
    }
}

public sealed class NudgeMessageTests
{
    [Fact]
    public void The_prompt_and_the_reminder_carry_write_and_skip_buttons_for_their_own_week()
    {
        var week = TeamWeek.Containing(new DateOnly(2025, 11, 19));

        var prompt = NudgeMessage.Render("team-payments", week, 12, 0);
        var reminder = NudgeMessage.Render("team-payments", week, 12, 2);

        Assert.StartsWith("📝", prompt.Text, StringComparison.Ordinal);
        Assert.StartsWith("⏰", reminder.Text, StringComparison.Ordinal);
        var buttons = prompt.Blocks.OfType<ActionsBlock>().Single().Elements.Cast<ButtonElement>().ToList();
        Assert.Equal([NudgeMessage.WriteActionId, NudgeMessage.SkipActionId], buttons.Select(b => b.ActionId));
        Assert.All(buttons, b => Assert.Equal("12|2025-11-17", b.Value));
        Assert.True(NudgeMessage.TryReadButtonValue(buttons[0].Value, out var team, out var read));
        Assert.Equal(12, team);
        Assert.Equal(week, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12")]
    [InlineData("x|2025-11-17")]
    [InlineData("12|17/11/2025")]
    [InlineData("12|2025-11-17|3")]
    public void A_button_value_that_is_not_ours_is_refused(string? value) =>
        Assert.False(NudgeMessage.TryReadButtonValue(value, out _, out _));
}

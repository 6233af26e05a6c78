using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Tests.Features.WeeklyUpdates;

public sealed class NudgeMessageTests
{
    [Fact]
    public void The_prompt_and_the_reminder_carry_write_and_skip_buttons_for_their_own_week()
    {
        var week = TeamWeek.Containing(new DateOnly(2025, 11, 19));

        var prompt = NudgeMessage.Render("C_PAY", week, 12, 0);
        var reminder = NudgeMessage.Render("C_PAY", week, 12, 2);

        Assert.StartsWith("📝", prompt.Text, StringComparison.Ordinal);
        Assert.StartsWith("⏰", reminder.Text, StringComparison.Ordinal);
        // A mention, not a stored name: Slack names a private channel "privategroup" in slash commands.
        Assert.All([prompt.Text, reminder.Text], text => Assert.Contains("<#C_PAY>", text, StringComparison.Ordinal));
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

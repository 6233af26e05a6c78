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

using AsyncLead.Slack.BlockKit;

namespace AsyncLead.Slack.Tests.BlockKit;

public sealed class MrkdwnSplittingTests
{
    private const int Max = BlockKitLimits.SectionText;

    [Fact]
    public void Text_at_exactly_the_limit_is_one_unchanged_piece()
    {
        var text = Text.Words(Max);

        Assert.Equal([text], BlockKitLimits.SplitText(text));
    }

    [Fact]
    public void One_character_over_splits_at_the_paragraph_break()
    {
        var first = Text.Words(2000, 'a');
        var second = Text.Words(999, 'b');

        Assert.Equal([first, second], BlockKitLimits.SplitText($"{first}\n\n{second}"));
    }

    [Fact]
    public void A_paragraph_break_is_preferred_over_a_later_line_break()
    {
        var a = Text.Words(1500, 'a');
        var b = Text.Words(1000, 'b');
        var c = Text.Words(1000, 'c');

        Assert.Equal([a, $"{b}\n{c}"], BlockKitLimits.SplitText($"{a}\n\n{b}\n{c}"));
    }

    [Fact]
    public void Without_paragraph_breaks_it_splits_at_the_last_line_break_that_fits()
    {
        var a = Text.Words(1000, 'a');
        var b = Text.Words(1500, 'b');
        var c = Text.Words(1000, 'c');

        Assert.Equal([$"{a}\n{b}", c], BlockKitLimits.SplitText($"{a}\n{b}\n{c}"));
    }

    [Fact]
    public void A_code_fence_that_fits_in_one_piece_is_kept_whole()
    {
        var intro = Text.Words(500, 'i');
        var code = "```\n" + string.Join('\n', Enumerable.Range(0, 55).Select(i => $"line {i:00} " + new string('x', 40))) + "\n```";

        var pieces = BlockKitLimits.SplitText($"{intro}\n{code}");

        Assert.True(code.Length < Max && intro.Length + 1 + code.Length > Max);
        Assert.Equal([intro, code], pieces);
    }

    [Fact]
    public void A_code_fence_longer_than_a_piece_is_closed_and_reopened_at_line_ends()
    {
        var lines = Enumerable.Range(0, 120).Select(i => $"line {i:000} <tag> " + new string('x', 30)).ToList();
        var text = "```\n" + string.Join('\n', lines) + "\n```";

        var pieces = BlockKitLimits.SplitText(text);

        Assert.True(pieces.Count > 1);
        Assert.All(pieces, piece =>
        {
            Assert.True(piece.Length <= Max);
            Assert.StartsWith("```\n", piece, StringComparison.Ordinal);
            Assert.EndsWith("\n```", piece, StringComparison.Ordinal);
        });
        Assert.Equal(lines, pieces.SelectMany(piece => piece[4..^4].Split('\n')));
    }

    [Fact]
    public void A_long_line_splits_between_words_and_never_inside_a_slack_token()
    {
        const string token = "<https://example.com/decisions/42|the decision about queues>";
        var before = Text.Words(Max - 20, 'a');
        var text = $"{before} {token} tail words";

        var pieces = BlockKitLimits.SplitText(text);

        Assert.Equal([before, $"{token} tail words"], pieces);
    }

    [Fact]
    public void A_hard_cut_never_splits_an_entity_or_a_surrogate_pair()
    {
        var entityText = new string('x', Max - 2) + "&amp;yyy";
        var emoji = string.Concat(Enumerable.Repeat("😀", Max / 2 + 1));

        Assert.Equal([new string('x', Max - 2), "&amp;yyy"], BlockKitLimits.SplitText(entityText));
        Assert.Equal([string.Concat(Enumerable.Repeat("😀", Max / 2)), "😀"], BlockKitLimits.SplitText(emoji));
    }

    [Fact]
    public void A_token_longer_than_the_limit_is_cut_because_nothing_else_can_be_done()
    {
        var token = "<https://example.com/" + new string('p', Max) + ">";

        var pieces = BlockKitLimits.SplitText(token);

        Assert.Equal(token, string.Concat(pieces));
        Assert.All(pieces, piece => Assert.True(piece.Length <= Max));
    }

    [Fact]
    public void Every_piece_of_a_long_mixed_document_fits_and_nothing_is_lost()
    {
        var paragraphs = Enumerable.Range(0, 30).Select(i => $"*Item {i}* for <@U0AAAA{i:000}> " + Text.Words(300 + i * 17)).ToList();
        var text = string.Join("\n\n", paragraphs);

        var pieces = BlockKitLimits.SplitText(text);

        Assert.All(pieces, piece => Assert.True(piece.Length <= Max));
        Assert.Equal(paragraphs, pieces.SelectMany(piece => piece.Split("\n\n")));
    }

    [Fact]
    public void Limits_too_small_to_hold_a_reopened_fence_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockKitLimits.SplitText("text", 8));

    [Theory]
    [InlineData("exactly ten", 11, "exactly ten")]
    [InlineData("exactly ten!", 11, "exactly te…")]
    [InlineData("short & <b>", 11, "short & <b>")]
    [InlineData("ask <@U0AAAA001> now", 12, "ask…")]
    [InlineData("fish &amp; chips", 9, "fish…")]
    [InlineData("ab😀cd", 4, "ab…")]
    public void Truncate_shortens_with_a_visible_marker_without_breaking_tokens(string text, int max, string expected)
    {
        var truncated = BlockKitLimits.Truncate(text, max);

        Assert.Equal(expected, truncated);
        Assert.True(truncated.Length <= max);
    }
}

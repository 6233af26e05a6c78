using AsyncLead.Slack.Mrkdwn;

namespace AsyncLead.Slack.Tests.Mrkdwn;

public sealed class MrkdwnEscapingTests
{
    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("if a<b && b>c", "if a&lt;b &amp;&amp; b&gt;c")]
    [InlineData("already &amp; escaped", "already &amp;amp; escaped")]
    [InlineData("<@U123> is not a mention in user text", "&lt;@U123&gt; is not a mention in user text")]
    [InlineData("it's \"quoted\"", "it's \"quoted\"")]
    [InlineData("*stars* _under_ ~tilde~ `tick`", "*stars* _under_ ~tilde~ `tick`")]
    [InlineData("café ☃ 🎉", "café ☃ 🎉")]
    [InlineData("", "")]
    public void Escapes_exactly_ampersand_and_angle_brackets(string text, string expected) =>
        Assert.Equal(expected, MrkdwnEscaping.Escape(text));
}

namespace AsyncLead.Slack.Tests.BlockKit;

internal static class Text
{
    /// <summary>Words separated by single spaces, exactly <paramref name="length"/> characters, never ending in a space.</summary>
    public static string Words(int length, char letter = 'w')
    {
        var text = string.Concat(Enumerable.Repeat(new string(letter, 7) + " ", length / 8 + 1))[..length];
        return text.EndsWith(' ') ? text[..^1] + letter : text;
    }
}

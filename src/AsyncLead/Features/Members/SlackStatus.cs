using System.Text.RegularExpressions;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Members;

/// <summary>A person's Slack custom status, kept for what it says about being out (of office, on holiday, off sick).</summary>
public sealed partial record SlackStatus(string Text, string Emoji, DateTimeOffset? Until)
{
    // Slack's own "Vacationing" and "Out sick", and what calendar apps set while someone is out.
    private static readonly HashSet<string> OutEmoji = new(StringComparer.Ordinal)
    {
        ":palm_tree:", ":desert_island:", ":beach_with_umbrella:", ":face_with_thermometer:", ":thermometer:", ":no_entry_sign:",
    };

    /// <summary>The status says its person is out: a vacation or sick emoji, or words such as "Out of office", "OOO", "vacation", "on leave".</summary>
    public bool SaysOut => OutEmoji.Contains(Emoji) || OutWords().IsMatch(Text);

    /// <summary>Out at <paramref name="at"/>: the status says so and hasn't cleared by then (one without an expiry stands).</summary>
    public bool IsOutAt(DateTimeOffset at) => SaysOut && (Until is null || Until > at);

    /// <summary>What Slack's profile says; null when it shows no status.</summary>
    public static SlackStatus? From(SlackUserProfile? profile) =>
        profile is null || (string.IsNullOrWhiteSpace(profile.StatusText) && string.IsNullOrWhiteSpace(profile.StatusEmoji))
            ? null
            : new SlackStatus(profile.StatusText?.Trim() ?? "", profile.StatusEmoji?.Trim() ?? "",
                profile.StatusExpiration is > 0 and var expiry ? DateTimeOffset.FromUnixTimeSeconds(expiry) : null);

    [GeneratedRegex(@"\b(out of (the )?office|ooo|pto|vacation|on (holiday|leave)|vacationing|on holidays|parental leave|out sick|off sick|sick leave)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OutWords();
}

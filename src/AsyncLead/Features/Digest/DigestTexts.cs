using AsyncLead.Features.WeeklyUpdates;

namespace AsyncLead.Features.Digest;

/// <summary>What the digest sub-command says.</summary>
public static class DigestTexts
{
    public const string NotChanged =
        "Slack didn't tell me your time zone just now, so your digest setting wasn't changed. Please send it again in a moment.";

    public static string Current(DigestPreference preference, string zone, IReadOnlyList<TeamChannel> received, DateTimeOffset next) =>
        (preference.IsOff
            ? "Your weekly digest is off."
            : $"Your weekly digest arrives {preference.Describe()} your time ({zone})" + (received.Count == 0 ? "." : $"; the next one {WeeklyTexts.When(next)}."))
        + Teams(received) + "\n" + DigestSettingParser.Usage;

    public static string Saved(DigestPreference preference, string zone, IReadOnlyList<TeamChannel> received, DateTimeOffset next) =>
        preference.IsOff
            ? "🔕 Your weekly digest is off. `/weekly-update digest on` brings it back on Mondays at 09:00."
            : $"✅ Your weekly digest now arrives {preference.Describe()} your time ({zone})"
              + (received.Count == 0 ? "." : $"; the next one {WeeklyTexts.When(next)}.") + Teams(received);

    private static string Teams(IReadOnlyList<TeamChannel> received) =>
        received.Count == 0
            ? " You aren't a digest recipient of any team yet: a lead adds you in `/weekly-update setup`."
            : " It covers " + string.Join(", ", received.Select(t => $"<#{t.ChannelId}>")) + ".";
}

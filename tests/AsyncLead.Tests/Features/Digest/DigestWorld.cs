using System.Text.RegularExpressions;
using AsyncLead.Sandbox.Slack;
using AsyncLead.Tests.Infrastructure;
using AsyncLead.Web;
using Dapper;

namespace AsyncLead.Tests.Features.Digest;

/// <summary>
/// Digest stories on the payments team of the weekly-update stories (Lena leads in Berlin; the week of 17 Nov is
/// prompted Fri 21 Nov and closes Mon 24 Nov 09:00 Berlin), plus what a digest looks like from Slack's side.
/// </summary>
internal static partial class DigestWorld
{
    /// <summary>A scenario on a database emptied of earlier tests' teams, people, preferences, docs and jobs.</summary>
    public static async Task<SlackScenario> StartAsync(TestDatabase database, DateTimeOffset? now = null)
    {
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("TRUNCATE digest_preferences, decisions, decision_counters RESTART IDENTITY CASCADE");
        }

        return await WeeklyUpdates.WeeklyWorld.StartAsync(database, now);
    }

    /// <summary>The digests AsyncLead sent a person, in their DM, oldest first.</summary>
    public static IReadOnlyList<FakeMessage> Digests(this SlackScenario s, string userId) =>
        [.. s.Slack.Messages(userId).Where(m => m.Text.StartsWith("Weekly digest", StringComparison.Ordinal))];

    /// <summary>When each digest reached this person, by Slack's record of the calls.</summary>
    public static IReadOnlyList<DateTimeOffset> DigestTimes(this SlackScenario s, string userId) =>
        [.. s.Slack.Calls("chat.postMessage")
            .Where(c => c.Ok && c.Arg("channel") == userId && c.Arg("text")!.StartsWith("Weekly digest", StringComparison.Ordinal))
            .Select(c => c.At)];

    /// <summary>The text of each section block of a message, in order.</summary>
    public static IReadOnlyList<string> SectionTexts(this FakeMessage message) =>
        [.. message.Blocks.Where(b => b?["type"]?.GetValue<string>() == "section").Select(b => b!["text"]?["text"]?.GetValue<string>() ?? "")];

    /// <summary>The permalink FakeSlack hands out for a message, as the digest must link it.</summary>
    public static string PermalinkPath(string channel, string ts) => $"/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}";

    /// <summary>A thread reply's permalink, which names its thread as Slack's does.</summary>
    public static string PermalinkPath(string channel, FakeMessage reply) => $"{PermalinkPath(channel, reply.Ts)}?thread_ts={reply.ThreadTs}&cid={channel}";

    /// <summary>Every AsyncLead page link (/w/…) in a text, checked by the host that signed it.</summary>
    public static IReadOnlyList<(LinkCheck Check, LinkTarget? Target)> PageLinksIn(this SlackScenario s, string text)
    {
        var links = s.Host.Services.GetRequiredService<SignedLinks>();
        return [.. PageLink().Matches(text).Select(match =>
        {
            var check = links.Check(match.Groups["token"].Value, out var target);
            return (check, target);
        })];
    }

    [GeneratedRegex(@"<https://asynclead\.test/w/(?<token>[A-Za-z0-9_-]+)\|")]
    private static partial Regex PageLink();
}

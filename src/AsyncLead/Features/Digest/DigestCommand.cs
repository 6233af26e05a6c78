using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using Npgsql;

namespace AsyncLead.Features.Digest;

/// <summary>
/// <c>/weekly-update digest [day time | off | on]</c>, parsed by the weekly-update command and handed here. Alone it
/// shows the setting; with a time it saves it and, in the same transaction, re-plans the digests of every team the
/// person receives (the plan job looks up zones, off the ack path).
/// </summary>
public sealed class DigestCommand(TeamStore teams, DigestStore store, MemberDirectory directory, JobQueue queue, NpgsqlDataSource dataSource,
    TimeProvider clock)
{
    public const string Subcommand = "digest";

    public async Task<SlackAck> HandleAsync(SlashCommand command, string setting, CancellationToken ct)
    {
        var preference = await store.PreferenceAsync(command.TeamId, command.UserId, ct);
        if (setting.Trim().Length > 0 && !DigestSettingParser.TryParse(setting, out preference, out var error))
        {
            return SlackAck.Ephemeral(error);
        }

        var received = (await teams.InWorkspaceAsync(command.TeamId, ct))
            .Where(t => t.DigestRecipients.Contains(command.UserId, StringComparer.Ordinal))
            .ToList();
        var zone = (await directory.GetAsync(command.TeamId, command.UserId, ct)).Schedule.TimeZoneId;
        var now = clock.GetUtcNow();
        var next = DigestSchedule.NextAt(preference.Time, zone, now);
        if (setting.Trim().Length == 0)
        {
            return SlackAck.Ephemeral(DigestTexts.Current(preference, zone, received, next));
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DigestStore.SavePreferenceAsync(connection, transaction, command.TeamId, command.UserId, preference, now, ct);
        foreach (var team in received)
        {
            await queue.EnqueueAsync(connection, transaction, DigestJobs.Plan(team.WorkspaceId, team.Id), ct);
        }

        await transaction.CommitAsync(ct);
        return SlackAck.Ephemeral(DigestTexts.Saved(preference, zone, received, next));
    }
}

/// <summary>What the digest sub-command says.</summary>
public static class DigestTexts
{
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

using AsyncLead.Outbox;
using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.Digest;

/// <summary>
/// <c>/weekly-update digest [day time | off | on]</c>, routed here by the weekly-update command. Alone it
/// shows the setting; with a time it saves it and, in the same transaction, re-plans the digests of every team the
/// person receives (the plan job looks up zones, off the ack path).
/// </summary>
public sealed class DigestCommand(TeamStore teams, DigestStore store, MemberDirectory directory, TimeProvider clock) : IWeeklyUpdateSubcommand
{
    public const string Subcommand = "digest";

    public string Word => Subcommand;

    public async Task<SlackAck> HandleAsync(SlashCommand command, string setting, CancellationToken ct)
    {
        var preference = await store.PreferenceAsync(command.TeamId, command.UserId, ct);
        if (setting.Trim().Length > 0 && !DigestSettingParser.TryParse(setting, out preference, out var error))
        {
            return SlackAck.Ephemeral(error);
        }

        // The reader's zone as stored (a stale one will do); someone never seen before is asked of Slack after the ack.
        if (await directory.KnownAsync(command.TeamId, command.UserId, ct) is { } known)
        {
            return await ApplyAsync(command, setting, preference, known.Schedule.TimeZoneId, ct);
        }

        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
            await ApplyAsync(command, setting, preference, (await directory.GetAsync(command.TeamId, command.UserId, followUpCt)).Schedule.TimeZoneId, followUpCt),
            DigestTexts.NotChanged);
    }

    private async Task<MessageAck> ApplyAsync(SlashCommand command, string setting, DigestPreference preference, string zone, CancellationToken ct)
    {
        var received = (await teams.InWorkspaceAsync(command.TeamId, ct))
            .Where(t => t.DigestRecipients.Contains(command.UserId, StringComparer.Ordinal))
            .ToList();
        var now = clock.GetUtcNow();
        var next = DigestSchedule.NextAt(preference.Time, zone, now);
        if (setting.Trim().Length == 0)
        {
            return SlackAck.Ephemeral(DigestTexts.Current(preference, zone, received, next));
        }

        await store.SavePreferenceAsync(command.TeamId, command.UserId, preference, [.. received.Select(team => team.Id)], now, ct);
        return SlackAck.Ephemeral(DigestTexts.Saved(preference, zone, received, next));
    }
}

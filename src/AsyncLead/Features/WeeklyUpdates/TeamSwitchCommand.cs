using AsyncLead.Jobs;
using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;
using AsyncLead.Slack.WebApi;
using Npgsql;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// <c>/weekly-update pause</c>, <c>off</c> and <c>resume</c> in a team channel: the team's lead (or a workspace admin or
/// owner) stops its weeks or starts them again. Paused, the weekly rhythm keeps its place and each week's prompt finds
/// the team paused and stays silent; switched off, the rhythm stops. Either way nobody is prompted or reminded and no
/// week closes; resuming plans the next prompt and the current week's close as saving setup does. The lead is answered
/// on the ack path from what is stored; anyone else is checked against Slack after the ack (an admin may), and told who may.
/// </summary>
public sealed class TeamSwitchCommand(string word, TeamStore teams, JobQueue queue, NpgsqlDataSource dataSource, ISlackClient slack, TimeProvider clock)
    : IWeeklyUpdateSubcommand
{
    public const string Pause = "pause";
    public const string Off = "off";
    public const string Resume = "resume";

    public string Word => word;

    public async Task<SlackAck> HandleAsync(SlashCommand command, string rest, CancellationToken ct)
    {
        if (await teams.FindByChannelAsync(command.TeamId, command.ChannelId, ct) is not { } team)
        {
            return SlackAck.Ephemeral(WeeklyTexts.SwitchNeedsTeamChannel(word));
        }

        if (team.LeadUserId == command.UserId)
        {
            return SlackAck.Ephemeral(await ApplyAsync(team, command.UserId, ct));
        }

        return SlackAck.AckThen(SlackAck.Empty, async followUpCt =>
        {
            var user = await slack.ForWorkspace(team.WorkspaceId).Users.InfoAsync(command.UserId, followUpCt);
            return SlackAck.Ephemeral(user.IsAdmin || user.IsOwner
                ? await ApplyAsync(team, command.UserId, followUpCt)
                : WeeklyTexts.OnlyLeadSwitches(team.LeadUserId, word));
        }, WeeklyTexts.SwitchNotChanged(word));
    }

    private async Task<string> ApplyAsync(TeamChannel team, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        string answer;
        if (word == Resume)
        {
            if (!await TeamStore.SetStoppedAsync(connection, transaction, team.Id, null, userId, now, ct))
            {
                return WeeklyTexts.NotStopped(team.ChannelId);
            }

            var calendar = team.Calendar;
            var next = calendar.NextPromptWeek(now);
            var reporting = calendar.ReportingWeekAt(now);
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Prompt(team.WorkspaceId, team.Id, next.Monday, calendar.PromptAt(next)), ct);
            await queue.EnqueueAsync(connection, transaction, WeeklyJobs.Close(team.WorkspaceId, team.Id, reporting.Monday, calendar.ClosesAt(reporting)), ct);
            answer = WeeklyTexts.Resumed(team.ChannelId, calendar.PromptAt(next));
        }
        else
        {
            await TeamStore.SetStoppedAsync(connection, transaction, team.Id, word == Off ? TeamChannel.SwitchedOff : TeamChannel.PausedByLead,
                userId, now, ct);
            answer = word == Off ? WeeklyTexts.SwitchedOff(team.ChannelId) : WeeklyTexts.PausedByLead(team.ChannelId);
        }

        await transaction.CommitAsync(ct);
        return answer;
    }
}

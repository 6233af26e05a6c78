using AsyncLead.Slack.Dispatch;
using AsyncLead.Slack.Payloads;

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>
/// A sub-command of <c>/weekly-update</c> that another feature answers (e.g. <c>digest</c>): the weekly command routes the
/// word here, so the feature above it plugs in without the weekly feature knowing it.
/// </summary>
public interface IWeeklyUpdateSubcommand
{
    /// <summary>The first word after <c>/weekly-update</c>, lower case.</summary>
    string Word { get; }

    /// <param name="rest">What follows the word, trimmed.</param>
    Task<SlackAck> HandleAsync(SlashCommand command, string rest, CancellationToken ct);
}

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A question asked in a week's thread of someone who wrote an update, as their DM lists it.</summary>
public sealed record ThreadQuestion(long Id, string ChannelId, DateOnly WeekStart, string AskerUserId, string MessageTs, string Text);

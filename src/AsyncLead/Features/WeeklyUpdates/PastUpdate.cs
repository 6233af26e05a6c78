namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>An update as the history and search pages list it: with its team's channel and its week.</summary>
public sealed record PastUpdate(StoredUpdate Update, string ChannelId, string ChannelName, DateOnly WeekStart);

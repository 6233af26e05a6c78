namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>A team's week in figures: who wrote against who was expected, how quickly, and the meeting it replaced.</summary>
public sealed record ParticipationFigures(int Expected, int Wrote, int Away, int Missing, TimeSpan? MedianPromptToUpdate, int MeetingMinutesSaved)
{
    /// <summary>"4/5 wrote": people read this more easily than a percentage.</summary>
    public string WroteOfExpected => $"{Wrote}/{Expected} wrote";
}

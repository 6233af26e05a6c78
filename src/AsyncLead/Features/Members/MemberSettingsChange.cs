using System.Diagnostics.CodeAnalysis;

namespace AsyncLead.Features.Members;

/// <summary>One change a member asked for in <c>/weekly-update settings</c> or <c>/weekly-update away</c>.</summary>
public abstract record MemberSettingsChange
{
    private MemberSettingsChange()
    {
    }

    /// <summary>The schedule with this change, validated as a whole (<see cref="MemberSchedule.TryCreate"/>).</summary>
    public bool TryApply(
        MemberSchedule current, [NotNullWhen(true)] out MemberSchedule? updated, out IReadOnlyList<string> errors) =>
        MemberSchedule.TryCreate(
            current.TimeZoneId,
            WorkingHoursAfter(current),
            FocusBlocksAfter(current),
            AwayPeriodsAfter(current),
            out updated,
            out errors);

    private protected virtual IEnumerable<WeeklyWindow> WorkingHoursAfter(MemberSchedule current) => current.WorkingHours;

    private protected virtual IEnumerable<WeeklyWindow> FocusBlocksAfter(MemberSchedule current) => current.FocusBlocks;

    private protected virtual IEnumerable<AwayPeriod> AwayPeriodsAfter(MemberSchedule current) => current.AwayPeriods;

    /// <summary>Replaces all working hours.</summary>
    public sealed record SetWorkingHours(IReadOnlyList<WeeklyWindow> Windows) : MemberSettingsChange
    {
        private protected override IEnumerable<WeeklyWindow> WorkingHoursAfter(MemberSchedule current) => Windows;
    }

    /// <summary>Replaces all focus blocks; an empty list clears them.</summary>
    public sealed record SetFocusBlocks(IReadOnlyList<WeeklyWindow> Blocks) : MemberSettingsChange
    {
        private protected override IEnumerable<WeeklyWindow> FocusBlocksAfter(MemberSchedule current) => Blocks;
    }

    public sealed record AddAwayPeriod(AwayPeriod Period) : MemberSettingsChange
    {
        private protected override IEnumerable<AwayPeriod> AwayPeriodsAfter(MemberSchedule current) =>
            current.AwayPeriods.Append(Period);
    }

    /// <summary>Back early, or marked away by mistake.</summary>
    public sealed record ClearAwayPeriods : MemberSettingsChange
    {
        private protected override IEnumerable<AwayPeriod> AwayPeriodsAfter(MemberSchedule current) => [];
    }
}

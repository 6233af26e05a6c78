using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace AsyncLead.Features.WeeklyUpdates;

internal enum UpdateSection
{
    Completed,
    InProgress,
    Blockers,
    NextWeek,
    Notes,
}

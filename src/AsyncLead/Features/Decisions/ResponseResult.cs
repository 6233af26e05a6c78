using AsyncLead.Features.Members;
using AsyncLead.Features.WeeklyUpdates;
using System.Data;
using AsyncLead.Outbox;
using AsyncLead.Jobs;

namespace AsyncLead.Features.Decisions;

public enum ResponseResult
{
    Recorded,

    /// <summary>The same answer again (a double click or a retry): nothing changed.</summary>
    Unchanged,

    /// <summary>The doc no longer takes responses.</summary>
    NotOpen,
}

namespace AsyncLead.Features.WeeklyUpdates;

/// <summary>How sure <see cref="SameItem.Compare"/> is that two lines of updates name the same piece of work.</summary>
public enum ItemMatch
{
    /// <summary>No word in common.</summary>
    None,

    /// <summary>Some words in common, too few to say: never reported as the same item, never as a different one either.</summary>
    Unsure,

    /// <summary>The same item, written again with other bullets, case, punctuation or a few words more or less.</summary>
    Sure,
}

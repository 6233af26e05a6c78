namespace AsyncLead.Slack.BlockKit;

/// <summary>A <c>static_select</c> whose options come in labelled groups (<c>option_groups</c> instead of <c>options</c>).</summary>
public sealed record GroupedStaticSelectElement(string ActionId, IReadOnlyList<OptionGroup> OptionGroups) : BlockElement("static_select", ActionId)
{
    /// <summary>Must equal one of the groups' options.</summary>
    public Option? InitialOption { get; init; }

    public PlainText? Placeholder { get; init; }
}

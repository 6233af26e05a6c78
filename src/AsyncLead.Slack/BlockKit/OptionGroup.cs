namespace AsyncLead.Slack.BlockKit;

/// <summary>A labelled group of a select's options (<c>option_groups</c>).</summary>
public sealed record OptionGroup(PlainText Label, IReadOnlyList<Option> Options);

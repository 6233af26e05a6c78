namespace AsyncLead.Slack.BlockKit;

public sealed record StaticSelectElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("static_select", ActionId)
{
    /// <summary>Must equal one of <see cref="Options"/>.</summary>
    public Option? InitialOption { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

namespace AsyncLead.Slack.BlockKit;

public sealed record PlainTextInputElement(string ActionId) : BlockElement("plain_text_input", ActionId)
{
    public bool? Multiline { get; init; }

    public string? InitialValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public PlainText? Placeholder { get; init; }
}

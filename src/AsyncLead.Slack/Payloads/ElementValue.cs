using System.Text.Json;

namespace AsyncLead.Slack.Payloads;

/// <summary>
/// What an interactive element holds, in Slack's wire formats (CONTRACT.md §3). Which member is set depends on
/// <see cref="Type"/>; the others are null. Dates and times stay strings as Slack sends them.
/// </summary>
public abstract record ElementValue
{
    /// <summary>Element type, e.g. <c>plain_text_input</c>, <c>datepicker</c>, <c>button</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Text inputs (number inputs too, as a string); a button's value. Null when an input is left empty.</summary>
    public string? Value { get; init; }

    /// <summary>datepicker: <c>YYYY-MM-DD</c>.</summary>
    public string? SelectedDate { get; init; }

    /// <summary>timepicker: <c>HH:mm</c>, 24-hour.</summary>
    public string? SelectedTime { get; init; }

    /// <summary>timepicker: IANA zone, when the element was given one.</summary>
    public string? Timezone { get; init; }

    /// <summary>datetimepicker: Unix seconds.</summary>
    public long? SelectedDateTime { get; init; }

    public string? SelectedUser { get; init; }
    public IReadOnlyList<string>? SelectedUsers { get; init; }
    public string? SelectedConversation { get; init; }
    public IReadOnlyList<string>? SelectedConversations { get; init; }
    public string? SelectedChannel { get; init; }
    public IReadOnlyList<string>? SelectedChannels { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }

    /// <summary>rich_text_input: a <c>rich_text</c> block object.</summary>
    public JsonElement? RichTextValue { get; init; }
}

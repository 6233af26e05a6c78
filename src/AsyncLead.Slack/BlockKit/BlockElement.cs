using System.Text.Json.Serialization;

namespace AsyncLead.Slack.BlockKit;

/// <summary>An interactive element. <see cref="ActionId"/> is what handlers are keyed by.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(ButtonElement))]
[JsonDerivedType(typeof(PlainTextInputElement))]
[JsonDerivedType(typeof(DatePickerElement))]
[JsonDerivedType(typeof(TimePickerElement))]
[JsonDerivedType(typeof(DateTimePickerElement))]
[JsonDerivedType(typeof(UsersSelectElement))]
[JsonDerivedType(typeof(MultiUsersSelectElement))]
[JsonDerivedType(typeof(ConversationsSelectElement))]
[JsonDerivedType(typeof(StaticSelectElement))]
[JsonDerivedType(typeof(OverflowElement))]
[JsonDerivedType(typeof(CheckboxesElement))]
[JsonDerivedType(typeof(RadioButtonsElement))]
public abstract record BlockElement
{
    private protected BlockElement(string type, string actionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actionId);
        Type = type;
        ActionId = actionId;
    }

    [JsonPropertyOrder(-2)]
    public string Type { get; }

    [JsonPropertyOrder(-1)]
    public string ActionId { get; init; }
}

public sealed record ButtonElement(string ActionId, PlainText Text) : BlockElement("button", ActionId)
{
    public string? Value { get; init; }

    public string? Url { get; init; }

    public ButtonStyle? Style { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record PlainTextInputElement(string ActionId) : BlockElement("plain_text_input", ActionId)
{
    public bool? Multiline { get; init; }

    public string? InitialValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public PlainText? Placeholder { get; init; }
}

public sealed record DatePickerElement(string ActionId) : BlockElement("datepicker", ActionId)
{
    /// <summary>Sent as <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? InitialDate { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record TimePickerElement(string ActionId) : BlockElement("timepicker", ActionId)
{
    /// <summary>Sent as 24-hour <c>HH:mm</c>.</summary>
    [JsonConverter(typeof(HourMinuteJsonConverter))]
    public TimeOnly? InitialTime { get; init; }

    /// <summary>IANA time zone the picked time is in (e.g. <c>Europe/Berlin</c>); Slack echoes it in the state value.</summary>
    public string? Timezone { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record DateTimePickerElement(string ActionId) : BlockElement("datetimepicker", ActionId)
{
    /// <summary>Sent as Unix seconds.</summary>
    [JsonConverter(typeof(UnixSecondsJsonConverter))]
    public DateTimeOffset? InitialDateTime { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record UsersSelectElement(string ActionId) : BlockElement("users_select", ActionId)
{
    public string? InitialUser { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record MultiUsersSelectElement(string ActionId) : BlockElement("multi_users_select", ActionId)
{
    public IReadOnlyList<string>? InitialUsers { get; init; }

    public int? MaxSelectedItems { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record ConversationsSelectElement(string ActionId) : BlockElement("conversations_select", ActionId)
{
    public string? InitialConversation { get; init; }

    public bool? DefaultToCurrentConversation { get; init; }

    public ConversationFilter? Filter { get; init; }

    /// <summary>In modals: include a <c>response_url</c> for the picked conversation in view_submission.</summary>
    public bool? ResponseUrlEnabled { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record ConversationFilter
{
    public IReadOnlyList<ConversationKind>? Include { get; init; }

    public bool? ExcludeBotUsers { get; init; }

    public bool? ExcludeExternalSharedChannels { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ConversationKind>))]
public enum ConversationKind
{
    [JsonStringEnumMemberName("public")]
    Public,

    [JsonStringEnumMemberName("private")]
    Private,

    [JsonStringEnumMemberName("im")]
    Im,

    [JsonStringEnumMemberName("mpim")]
    Mpim,
}

public sealed record StaticSelectElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("static_select", ActionId)
{
    /// <summary>Must equal one of <see cref="Options"/>.</summary>
    public Option? InitialOption { get; init; }

    public PlainText? Placeholder { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record OverflowElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("overflow", ActionId)
{
    public ConfirmDialog? Confirm { get; init; }
}

public sealed record CheckboxesElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("checkboxes", ActionId)
{
    public IReadOnlyList<Option>? InitialOptions { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

public sealed record RadioButtonsElement(string ActionId, IReadOnlyList<Option> Options) : BlockElement("radio_buttons", ActionId)
{
    public Option? InitialOption { get; init; }

    public ConfirmDialog? Confirm { get; init; }
}

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
[JsonDerivedType(typeof(GroupedStaticSelectElement))]
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

using System.Diagnostics.CodeAnalysis;

namespace AsyncLead.Slack.Payloads;

/// <summary>A parsed payload or a message saying why it could not be parsed. Parsing never throws on bad input.</summary>
public sealed class SlackParseResult<T>
    where T : class
{
    private SlackParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    public static SlackParseResult<T> Success(T value) => new(value, null);

    public static SlackParseResult<T> Failure(string error) => new(null, error);
}

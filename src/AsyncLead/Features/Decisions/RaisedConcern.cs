using AsyncLead.Features.Members;
using NodaTime;
using NodaTime.Extensions;

namespace AsyncLead.Features.Decisions;

/// <summary>A concern (or a hold) raised on a doc; it blocks until resolved by its author or the doc's author.</summary>
public sealed record RaisedConcern(long Id, string AuthorId, string Text, bool IsResolved, bool IsHold = false);

using Microsoft.Extensions.DependencyInjection;

namespace AsyncLead.Jobs;

/// <summary>
/// The route table from job kind to handler, built once when the worker is created, so two handlers claiming one
/// kind stop the host at start rather than splitting jobs between them.
/// </summary>
public sealed class JobHandlers
{
    private readonly Dictionary<string, Type> handlerTypes = new(StringComparer.Ordinal);
    private readonly IServiceScopeFactory scopes;

    internal JobHandlers(IEnumerable<JobHandlerRegistration> registrations, IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        using var scope = scopes.CreateScope();
        foreach (var registration in registrations)
        {
            var kind = ((IJobHandler)scope.ServiceProvider.GetRequiredService(registration.HandlerType)).Kind;
            if (!handlerTypes.TryAdd(kind, registration.HandlerType))
            {
                throw new InvalidOperationException(
                    $"Job kind '{kind}' has two handlers, {handlerTypes[kind].FullName} and {registration.HandlerType.FullName}; " +
                    "each kind must have exactly one.");
            }
        }
    }

    public IReadOnlyCollection<string> Kinds => handlerTypes.Keys;

    /// <summary>Runs the job's handler in a scope of its own. A kind without a handler fails like any other error.</summary>
    internal async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        if (!handlerTypes.TryGetValue(job.Kind, out var handlerType))
        {
            // Retried rather than killed outright: during a rolling deploy an older replica may claim a kind only
            // newer replicas know.
            throw new InvalidOperationException(
                $"No handler for job kind '{job.Kind}' in this process (it handles: {string.Join(", ", handlerTypes.Keys.Order(StringComparer.Ordinal))}).");
        }

        await using var scope = scopes.CreateAsyncScope();
        var handler = (IJobHandler)scope.ServiceProvider.GetRequiredService(handlerType);
        await handler.HandleAsync(job, cancellationToken);
    }
}

using AsyncLead.Storage;

namespace AsyncLead;

public static class HealthEndpoints
{
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness: the process serves requests. Deliberately independent of Postgres, so a database outage
        // makes replicas unready rather than getting them restarted.
        endpoints.MapGet("/healthz", () => Results.Json(new { status = "alive" }));

        endpoints.MapGet("/readyz", async (DatabaseReadiness readiness, CancellationToken cancellationToken) =>
        {
            var state = await readiness.CheckAsync(ReadinessTimeout, cancellationToken);
            return state.IsReady
                ? Results.Json(new { status = "ready", schemaVersion = state.AppliedVersion })
                : Results.Json(new { status = "not_ready", reason = state.Problem }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

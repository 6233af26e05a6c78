using AsyncLead.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace AsyncLead.Tests.Deploy;

/// <summary>The paths the real composition maps (built, never started: no database needed).</summary>
internal static class AppRoutes
{
    public static IReadOnlyList<string> Get()
    {
        var app = AppHost.Build(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = "Host=unused" });
        app.MapAsyncLead();
        return [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => "/" + endpoint.RoutePattern.RawText!.TrimStart('/'))];
    }
}

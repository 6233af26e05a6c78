using Microsoft.AspNetCore.DataProtection;

namespace AsyncLead.Web;

public static class WebPages
{
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("AsyncLead");
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<PageLinks>();
        services.AddSingleton<PageReaders>();
        return services;
    }

    public static IServiceCollection AddWebPage<TPage>(this IServiceCollection services) where TPage : class, IWebPage =>
        services.AddScoped<IWebPage, TPage>();

    /// <summary><c>GET /w/{token}</c>: every page AsyncLead serves to people sits behind a signed, expiring link.</summary>
    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/w/{token}", async (string token, HttpRequest request, SignedLinks links, IWorkspaceRemovals removals,
            IEnumerable<IWebPage> pages, CancellationToken cancellationToken) =>
        {
            switch (links.Check(token, out var target))
            {
                case LinkCheck.Expired:
                    return Refused("This link has expired",
                        "Links from AsyncLead stay valid for a week. Open AsyncLead's Home tab in Slack, or run <code>/weekly-update status</code>, for a fresh one.");
                case LinkCheck.Invalid:
                    return Refused("This link is not valid",
                        "It may have been cut short when it was copied. Open the link again from Slack, or get a fresh one from AsyncLead's Home tab.");
            }

            if (await removals.RemovedAtAsync(target!.WorkspaceId, cancellationToken) is { } removedAt && target.IssuedAt <= removedAt)
            {
                return PageLayout.Page("This link no longer works",
                    "<h1>This link no longer works</h1><p>AsyncLead was removed from this workspace after the link was made, and its links closed with it. "
                    + "If AsyncLead is installed again, open a fresh link from its Home tab in Slack.</p>",
                    StatusCodes.Status410Gone);
            }

            var page = pages.FirstOrDefault(p => p.Kind == target.Kind);
            var result = page is null ? null : await page.RenderAsync(target, request.Query, cancellationToken);
            return result ?? PageLayout.Page("Not found",
                "<h1>Nothing here any more</h1><p>What this link pointed at no longer exists. It may have been withdrawn or its workspace removed.</p>",
                StatusCodes.Status404NotFound);
        });
        return endpoints;
    }

    private static IResult Refused(string title, string explanation) =>
        PageLayout.Page(title, $"<h1>{PageLayout.Encode(title)}</h1><p>{explanation}</p>", StatusCodes.Status403Forbidden);
}

using Microsoft.AspNetCore.DataProtection;

namespace AsyncLead.Web;

/// <summary>A page reachable through a signed link, chosen by <see cref="LinkTarget.Kind"/>.</summary>
public interface IWebPage
{
    string Kind { get; }

    /// <param name="query">The request's query string: a page's own controls (a filter, a search) travel there, outside the signed part.</param>
    /// <returns>The page, or null when what the link points at no longer exists.</returns>
    Task<IResult?> RenderAsync(LinkTarget target, IQueryCollection query, CancellationToken cancellationToken);
}

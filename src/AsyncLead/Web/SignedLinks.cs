using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AsyncLead.Web;

/// <summary>What a link opens: a page kind, the workspace it belongs to, the page's key, and who it was handed to.</summary>
public sealed record LinkTarget(string Kind, string WorkspaceId, string Key, string? ViewerId = null);

public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>
/// Links AsyncLead hands to Slack users for its web pages: the target and an expiry, encrypted and authenticated with
/// Data Protection (so the URL reveals nothing and can't be forged or edited), checked against the app's clock.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider dataProtection, IOptions<AsyncLeadOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector protector = dataProtection.CreateProtector("AsyncLead.Web.SignedLinks.v1");

    public Uri Create(LinkTarget target, TimeSpan? lifetime = null)
    {
        var expires = clock.GetUtcNow().Add(lifetime ?? DefaultLifetime).ToUnixTimeSeconds();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(target.Kind, target.WorkspaceId, target.Key, target.ViewerId, expires));
        var token = WebEncoders.Base64UrlEncode(protector.Protect(payload));
        var baseUrl = (options.Value.PublicUrl ?? "http://127.0.0.1:3000").TrimEnd('/');
        return new Uri($"{baseUrl}/w/{token}");
    }

    public LinkCheck Check(string token, out LinkTarget? target)
    {
        target = null;
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or JsonException)
        {
            return LinkCheck.Invalid;
        }

        if (payload is null)
        {
            return LinkCheck.Invalid;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(payload.Expires) <= clock.GetUtcNow())
        {
            return LinkCheck.Expired;
        }

        target = new LinkTarget(payload.Kind, payload.Workspace, payload.Key, payload.Viewer);
        return LinkCheck.Valid;
    }

    private sealed record Payload(string Kind, string Workspace, string Key, string? Viewer, long Expires);
}

using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AsyncLead.Web;

/// <summary>
/// Links AsyncLead hands to Slack users for its web pages: the target and an expiry, encrypted and authenticated with
/// Data Protection (so the URL reveals nothing and can't be forged or edited), checked against the app's clock.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider dataProtection, IOptions<AsyncLeadOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector protector = dataProtection.CreateProtector("AsyncLead.Web.SignedLinks.v1");

    /// <summary>
    /// Whether links go out in Slack at all: only with <c>AsyncLead__PublicUrl</c>. Without it (Socket Mode needs no public
    /// address) the only address known is loopback, which reaches nobody reading Slack.
    /// </summary>
    public bool HandsOutLinks => !string.IsNullOrWhiteSpace(options.Value.PublicUrl);

    /// <summary>A link to hand out in Slack (when <see cref="HandsOutLinks"/>): its scope is its own kind, its lifetime starts now.</summary>
    public Uri Create(LinkTarget target, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow();
        return Sign(target, target.Kind, now, now.Add(lifetime ?? DefaultLifetime));
    }

    /// <summary>A link a page shows, onward from the link it was opened with: same scope, issue time and expiry (no renewal).</summary>
    public Uri Derive(LinkTarget opened, LinkTarget next) =>
        Sign(next, opened.EffectiveScope, opened.IssuedAt ?? clock.GetUtcNow(), opened.ExpiresAt ?? clock.GetUtcNow().Add(DefaultLifetime));

    private Uri Sign(LinkTarget target, string scope, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(target.Kind, target.WorkspaceId, target.Key, target.ViewerId,
            expiresAt.ToUnixTimeSeconds(), scope, issuedAt.ToUnixTimeMilliseconds()));
        var token = WebEncoders.Base64UrlEncode(protector.Protect(payload));
        // Without a public address only a page opened on this machine derives links: they stay on loopback.
        var baseUrl = (HandsOutLinks ? options.Value.PublicUrl! : "http://127.0.0.1:3000").TrimEnd('/');
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

        target = new LinkTarget(payload.Kind, payload.Workspace, payload.Key, payload.Viewer)
        {
            Scope = payload.Scope,
            // Links made before issue times were recorded count as issued at the epoch: a removal closes them too.
            IssuedAt = DateTimeOffset.FromUnixTimeMilliseconds(payload.Issued ?? 0),
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Expires),
        };
        return LinkCheck.Valid;
    }

    private sealed record Payload(string Kind, string Workspace, string Key, string? Viewer, long Expires, string? Scope = null, long? Issued = null);
}

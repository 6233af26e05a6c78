using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AsyncLead.Sandbox.Simulation;

/// <summary>Slack's v0 request signature (CONTRACT.md §1), computed on the simulator's side of the wire.</summary>
public static class RequestSigning
{
    /// <summary><c>"v0=" + hex(HMAC-SHA256(secret, "v0:{timestamp}:{body}"))</c>, lowercase hex.</summary>
    public static string Sign(string signingSecret, long timestamp, string body)
    {
        var basestring = string.Create(CultureInfo.InvariantCulture, $"v0:{timestamp}:{body}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes(basestring));
        return "v0=" + Convert.ToHexStringLower(mac);
    }
}

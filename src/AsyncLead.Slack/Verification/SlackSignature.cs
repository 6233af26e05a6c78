using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AsyncLead.Slack.Verification;

/// <summary>
/// Slack's v0 request signing: <c>v0=hex(HMAC-SHA256(secret, "v0:{timestamp}:{rawBody}"))</c>.
/// Pure: no I/O and no clock of its own; the caller passes "now" so tests control time.
/// </summary>
public static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>How far a request timestamp may sit from now, either side, before it counts as a replay.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const string VersionPrefix = "v0=";
    private const int MacHexLength = 64;

    public static SignatureCheck Verify(
        string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> rawBody, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);

        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.Fail(SignatureFailure.MissingHeaders, "X-Slack-Request-Timestamp or X-Slack-Signature is missing");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureCheck.Fail(SignatureFailure.MalformedTimestamp, "X-Slack-Request-Timestamp is not a number of seconds");
        }

        var skew = Math.Abs(now.ToUnixTimeSeconds() - seconds);
        if (skew > (long)MaxClockSkew.TotalSeconds)
        {
            return SignatureCheck.Fail(SignatureFailure.StaleTimestamp, $"timestamp is {skew} s away from now (limit {MaxClockSkew.TotalSeconds} s)");
        }

        if (!signature.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Fail(SignatureFailure.UnsupportedVersion, "signature version is not v0");
        }

        var hex = signature.AsSpan(VersionPrefix.Length);
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != MacHexLength
            || Convert.FromHexString(hex, received, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != received.Length)
        {
            return SignatureCheck.Fail(SignatureFailure.MalformedSignature, "signature is not 64 hex digits after v0=");
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(signingSecret, timestamp, rawBody, expected);

        return CryptographicOperations.FixedTimeEquals(received, expected)
            ? SignatureCheck.Valid
            : SignatureCheck.Fail(SignatureFailure.Mismatch, "signature does not match the body");
    }

    /// <summary>The <c>X-Slack-Signature</c> value Slack would send; used to sign test requests as Slack does.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> rawBody)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(signingSecret, timestamp, rawBody, mac);
        return VersionPrefix + Convert.ToHexStringLower(mac);
    }

    private static void ComputeMac(string signingSecret, string timestamp, ReadOnlySpan<byte> rawBody, Span<byte> destination)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(prefix);
        hmac.AppendData(rawBody);
        hmac.GetHashAndReset(destination);
    }
}

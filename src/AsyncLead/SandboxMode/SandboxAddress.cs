using System.Security.Cryptography;

namespace AsyncLead.SandboxMode;

/// <summary>Where this sandbox serves and the secrets its bot and FakeSlack share, new at every start.</summary>
internal sealed class SandboxAddress(Uri root)
{
    public const string Prefix = "/sandbox";

    /// <summary><c>http://127.0.0.1:{port}/</c>: the bot itself.</summary>
    public Uri Root { get; } = root;

    /// <summary><c>http://127.0.0.1:{port}/sandbox/</c>: FakeSlack and the page.</summary>
    public Uri Sandbox => new(Root, Prefix.TrimStart('/') + "/");

    public string BotToken { get; } = "xoxb-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public string SigningSecret { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

using System.Globalization;
using System.Net;
using AsyncLead.Storage;
using Npgsql;

namespace AsyncLead.SandboxMode;

/// <summary>
/// Whether this start is a sandbox, read from the settings as given (before the sandbox adds its own): on when no
/// Slack setting is present and <c>AsyncLead__Sandbox</c> is not <c>false</c>. Also what would make a sandbox unsafe,
/// each as a sentence for the start-up error: a real Slack setting beside an explicit <c>AsyncLead__Sandbox=true</c>, an
/// address other than loopback, a database not named <c>*_sandbox</c>.
/// </summary>
internal sealed class SandboxSettings
{
    public const string SandboxKey = "AsyncLead:Sandbox";
    public const string DatabaseSuffix = "_sandbox";

    // Any of these means a real Slack app is configured; the sandbox would replace its settings with its own.
    private static readonly string[] SlackKeys = ["Slack:SigningSecret", "Slack:BotToken", "Slack:AppToken", "Slack:ClientId", "Slack:ClientSecret"];

    private SandboxSettings(bool isOn, Uri? address, IReadOnlyList<string> problems)
    {
        IsOn = isOn;
        Address = address;
        Problems = problems;
    }

    public bool IsOn { get; }

    /// <summary>Where the host listens in sandbox mode (<c>http://127.0.0.1:{port}/</c>).</summary>
    public Uri? Address { get; }

    /// <summary>Why this start must not run, one sentence each; empty when it may.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static SandboxSettings Read(IConfiguration configuration)
    {
        var present = SlackKeys.Where(key => !string.IsNullOrWhiteSpace(configuration[key])).Select(EnvironmentName).ToList();
        var wanted = configuration[SandboxKey] is { Length: > 0 } raw ? ParseSwitch(raw) : null;
        if (wanted is null && configuration[SandboxKey] is { Length: > 0 } bad)
        {
            return new SandboxSettings(false, null, [$"AsyncLead__Sandbox must be true or false (got \"{bad}\")."]);
        }

        if (present.Count > 0)
        {
            return new SandboxSettings(false, null, wanted == true
                ? [$"AsyncLead__Sandbox=true, but Slack settings are present ({string.Join(", ", present)}): the sandbox never runs beside a real Slack app. " +
                   "Remove AsyncLead__Sandbox to serve Slack, or remove the Slack settings to try the sandbox."]
                : []);
        }

        if (wanted == false)
        {
            return new SandboxSettings(false, null, []);
        }

        var problems = new List<string>();
        var address = LoopbackAddress(configuration, problems);
        CheckDatabase(configuration, problems);
        return new SandboxSettings(true, address, problems);
    }

    private static bool? ParseSwitch(string raw) => bool.TryParse(raw, out var value) ? value : null;

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>The one loopback http address with a fixed port (FakeSlack's address is part of the bot's settings).</summary>
    private static Uri? LoopbackAddress(IConfiguration configuration, List<string> problems)
    {
        const string Advice = " The sandbox has no login, so it serves this machine only: use ASPNETCORE_URLS=http://127.0.0.1:3000 " +
                              "(./run.sh does), or set the Slack settings, or AsyncLead__Sandbox=false.";
        if (configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            problems.Add("Sandbox mode (no Slack settings) does not use Kestrel__Endpoints." + Advice);
            return null;
        }

        var urls = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            if (!string.IsNullOrWhiteSpace(configuration["http_ports"]) || !string.IsNullOrWhiteSpace(configuration["https_ports"]))
            {
                problems.Add("Sandbox mode (no Slack settings) would listen on every interface (ASPNETCORE_HTTP_PORTS)." + Advice);
                return null;
            }

            // Kestrel's own default, made explicit so it stays loopback.
            return new Uri("http://127.0.0.1:5000/");
        }

        if (urls.Length > 1 || !Uri.TryCreate(urls[0].Replace("*", "any", StringComparison.Ordinal).Replace("+", "any", StringComparison.Ordinal), UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttp || !IsLoopback(url.Host))
        {
            problems.Add($"Sandbox mode (no Slack settings) refuses to listen on {string.Join(", ", urls)}." + Advice);
            return null;
        }

        if (url.Port == 0)
        {
            problems.Add($"Sandbox mode (no Slack settings) needs a fixed port, not {urls[0]}: the bot's Slack address includes it." + Advice);
            return null;
        }

        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{url.Port}/"));
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static void CheckDatabase(IConfiguration configuration, List<string> problems)
    {
        // A missing or unreadable connection string is the database settings' own error.
        if (configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return;
        }

        string? database;
        try
        {
            database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        }
        catch (ArgumentException)
        {
            return;
        }

        if (database is null || !database.EndsWith(DatabaseSuffix, StringComparison.Ordinal))
        {
            problems.Add($"Sandbox mode (no Slack settings) wipes its database at every start, so it only uses one whose name ends in {DatabaseSuffix}; " +
                         $"ConnectionStrings__Postgres names \"{database}\". ./run.sh uses asynclead{DatabaseSuffix} when no Slack setting is present; " +
                         "set the Slack settings to serve Slack with this database.");
        }
    }
}

namespace AsyncLead.Storage;

/// <summary>Where our PostgreSQL is: <c>ConnectionStrings:Postgres</c> (env: <c>ConnectionStrings__Postgres</c>).</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Postgres";

    public string? ConnectionString { get; set; }

    /// <summary>How long start-up waits for PostgreSQL to accept connections before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

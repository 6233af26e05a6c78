using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncLead.Storage;

/// <summary>Where our PostgreSQL is: <c>ConnectionStrings:Postgres</c> (env: <c>ConnectionStrings__Postgres</c>).</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Postgres";

    public string? ConnectionString { get; set; }

    /// <summary>How long start-up waits for PostgreSQL to accept connections before giving up.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings__Postgres is not set. Point it at your PostgreSQL, e.g. " +
                "ConnectionStrings__Postgres=\"Host=localhost;Database=asynclead;Username=asynclead;Password=...\", " +
                "or start the bot with ./run.sh, which starts a local PostgreSQL for you.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings__Postgres is not a valid PostgreSQL connection string ({ex.Message}). " +
                "Expected the form \"Host=...;Database=...;Username=...;Password=...\".");
        }

        return ValidateOptionsResult.Success;
    }
}

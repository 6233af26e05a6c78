using Microsoft.Extensions.Options;
using Npgsql;

namespace AsyncLead.Storage;

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

using System.Diagnostics;
using System.Text.Json;
using AsyncLead.Testing.Postgres;
using AsyncLead.Tests.Infrastructure;

namespace AsyncLead.Tests.Foundation;

public sealed class StructuredLogTests
{
    [Fact]
    public async Task With_the_json_formatter_every_log_line_is_one_json_object_and_the_password_never_appears()
    {
        var database = new EmptyDatabase();
        await database.InitializeAsync();
        try
        {
            var password = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Password!;
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AsyncLead.dll"), "migrate"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment =
                {
                    ["ConnectionStrings__Postgres"] = database.ConnectionString,
                    ["Logging__Console__FormatterName"] = "json",
                    ["DOTNET_ENVIRONMENT"] = "Production",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(0, process.ExitCode);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.NotEmpty(lines);
            var messages = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()).ToList();
            Assert.Contains(messages, m => m!.StartsWith("Database ready", StringComparison.Ordinal));
            Assert.DoesNotContain(password, stdout + await stderr);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }
}

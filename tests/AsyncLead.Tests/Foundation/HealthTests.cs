using System.Net;
using System.Text.Json;
using AsyncLead.Jobs.Schema;
using AsyncLead.Storage;
using AsyncLead.Testing.Network;
using AsyncLead.Tests.Infrastructure;
using Dapper;
using Npgsql;

namespace AsyncLead.Tests.Foundation;

public sealed class HealthTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Healthz_says_alive_and_readyz_says_ready_with_the_schema_version()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);

        var live = await host.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await host.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(DatabaseMigrator.LatestVersion, body.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task Readyz_goes_red_while_postgres_is_unreachable_and_green_again_when_it_returns()
    {
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2 }.ConnectionString;
        await using var host = await AppHost.StartAsync(throughProxy);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);

        proxy.Cut();
        var down = await host.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("PostgreSQL unreachable", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);

        proxy.Restore();
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_is_not_ready_when_the_database_is_behind_this_build()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var removed = await connection.QuerySingleAsync<(int Version, string Name, string Checksum)>(
            "DELETE FROM schema_migrations WHERE version = @latest RETURNING version, name, checksum", new { latest = DatabaseMigrator.LatestVersion });
        try
        {
            var response = await host.Http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains($"this build needs {DatabaseMigrator.LatestVersion}", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                new { version = removed.Version, name = removed.Name, checksum = removed.Checksum });
        }
    }

    [Fact]
    public async Task Readyz_is_not_ready_when_the_job_queue_schema_is_behind_this_build()
    {
        await using var host = await AppHost.StartAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        var removed = await connection.QuerySingleAsync<(int Version, string Name, string Checksum)>(
            "DELETE FROM job_schema_migrations WHERE version = @latest RETURNING version, name, checksum", new { latest = JobSchema.LatestVersion });
        try
        {
            var response = await host.Http.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains($"job queue schema version {JobSchema.LatestVersion - 1}, this build needs {JobSchema.LatestVersion}", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await connection.ExecuteAsync("INSERT INTO job_schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                new { version = removed.Version, name = removed.Name, checksum = removed.Checksum });
        }
    }
}

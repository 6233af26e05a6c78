using AsyncLead.Jobs.Schema;
using AsyncLead.Testing.Postgres;
using Npgsql;

namespace AsyncLead.Jobs.Tests;

public sealed class EmbeddedMigrationsTests : IAsyncLifetime
{
    private readonly EmptyDatabase database = new();

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public void A_set_with_a_gap_is_refused_at_load_naming_its_files()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new EmbeddedMigrations(typeof(EmbeddedMigrationsTests).Assembly, "set-with-a-gap/", "gap_journal", 1, "Test migration"));

        Assert.Contains("without gaps", error.Message);
        Assert.Contains("0001_a.sql, 0003_c.sql", error.Message);
    }

    [Fact]
    public async Task A_retired_number_fills_the_gap_and_the_set_applies_in_its_own_journal()
    {
        var set = new EmbeddedMigrations(typeof(EmbeddedMigrationsTests).Assembly, "set-with-a-gap/", "gap_journal", 1, "Test migration", retiredVersions: [2]);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var applied = new List<string>();

        Assert.Null(await set.AppliedVersionAsync(dataSource, CancellationToken.None));
        Assert.Equal(2, await set.MigrateAsync(dataSource, migration => applied.Add(migration.FileName), CancellationToken.None));
        Assert.Equal(["0001_a.sql", "0003_c.sql"], applied);
        Assert.Equal(3, await set.AppliedVersionAsync(dataSource, CancellationToken.None));
        Assert.Equal(0, await set.MigrateAsync(dataSource, _ => { }, CancellationToken.None));
    }

    [Fact]
    public void A_retired_number_given_to_a_new_file_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new EmbeddedMigrations(typeof(EmbeddedMigrationsTests).Assembly, "set-with-a-gap/", "gap_journal", 1, "Test migration", retiredVersions: [3]));

        Assert.Contains("0003_c.sql takes retired version 3", error.Message);
    }
}

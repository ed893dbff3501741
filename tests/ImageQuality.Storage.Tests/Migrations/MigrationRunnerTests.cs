using Dapper;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Migrations;
using ImageQuality.Storage.Tests.Support;

namespace ImageQuality.Storage.Tests.Migrations;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class MigrationRunnerTests(StorageProvider provider)
{
    [Test]
    public async Task A_new_database_gets_every_step_once_and_a_second_start_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var runner = new MigrationRunner(db.Database);

        (await runner.MigrateAsync()).Should().Equal(Enumerable.Range(1, runner.LatestVersion));
        (await runner.MigrateAsync()).Should().BeEmpty();
        (await runner.AppliedVersionsAsync()).Should().Equal(Enumerable.Range(1, runner.LatestVersion));
    }

    [Test]
    public async Task Service_instances_starting_together_migrate_once()
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var others = Enumerable.Range(0, 4).Select(_ => IndexDatabase.Open(db.ConnectionString)).ToList();
        try
        {
            var results = await Task.WhenAll(others.Select(o => Task.Run(() => new MigrationRunner(o).MigrateAsync())));
            results.Sum(r => r.Count).Should().Be(new MigrationRunner(db.Database).LatestVersion, "each step runs in exactly one of the starting instances");
        }
        finally
        {
            foreach (var other in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task A_database_newer_than_the_build_is_refused_with_a_clear_message()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var connection = await db.Database.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)");
        }

        var act = () => new MigrationRunner(db.Database).MigrateAsync();
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*version 999, newer than this build*");
    }

    [Test]
    public async Task A_failing_step_leaves_the_previous_schema_whole()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var broken = new Migration(1000, "broken", "CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table", "CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table");
        var steps = new MigrationRunner(db.Database).LatestVersion;
        var runner = new MigrationRunner(db.Database, [.. ImageQuality.Storage.Migrations.SchemaMigrations.All, broken]);

        var act = () => runner.MigrateAsync();
        await act.Should().ThrowAsync<Exception>();

        (await runner.AppliedVersionsAsync()).Should().Equal(Enumerable.Range(1, steps));
        await using var connection = await db.Database.OpenConnectionAsync();
        var tables = provider == StorageProvider.Sqlite
            ? await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'half_done'")
            : await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_name = 'half_done'");
        tables.Should().BeEmpty("the failed step's first statement is rolled back with it");
    }
}

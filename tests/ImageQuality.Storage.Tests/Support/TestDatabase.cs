using ImageQuality.Storage.Database;
using ImageQuality.Storage.Migrations;
using Npgsql;

namespace ImageQuality.Storage.Tests.Support;

/// <summary>
/// A fresh, migrated database of either engine for one test: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server named by the environment variable IQ_TEST_POSTGRES (".ci/run" starts one and sets it). Without
/// it the PostgreSQL cases are skipped with a message saying so.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "IQ_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _serverConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string connectionString, string? folder, string? serverConnectionString, string? databaseName)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _serverConnectionString = serverConnectionString;
        _databaseName = databaseName;
        Database = IndexDatabase.Open(connectionString);
    }

    /// <summary>The engines every storage test runs against.</summary>
    public static IEnumerable<StorageProvider> Providers => [StorageProvider.Sqlite, StorageProvider.PostgreSql];

    public string ConnectionString { get; }

    public IndexDatabase Database { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == StorageProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "iq-storage-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = new TestDatabase($"Data Source={Path.Combine(folder, "index.db")}", folder, null, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                Assert.Ignore($"PostgreSQL tests skipped: set {PostgresVariable} to a server's connection string (e.g. Host=127.0.0.1;Username=postgres;Password=…); .ci/run starts a server and sets it");
            }

            var name = "iq_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(server))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(builder.ToString(), null, server, name);
        }

        if (migrate)
        {
            await new MigrationRunner(database.Database).MigrateAsync();
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_serverConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_serverConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}

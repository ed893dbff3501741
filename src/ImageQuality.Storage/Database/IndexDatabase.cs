using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ImageQuality.Storage.Database;

/// <summary>
/// One database (SQLite file or PostgreSQL server) and how to talk to it. Connections are short-lived and
/// pooled by the providers; every public operation of the stores opens one and disposes it.
/// </summary>
public sealed class IndexDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;

    private IndexDatabase(StorageProvider provider, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Provider = provider;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    public StorageProvider Provider { get; }

    /// <summary>
    /// Opens by connection string: one with a Host (e.g. "Host=db;Username=iq;Password=…;Database=iq") is
    /// PostgreSQL, anything else (e.g. "Data Source=data/index.db") is a SQLite file.
    /// </summary>
    public static IndexDatabase Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (IsPostgres(connectionString))
        {
            return new IndexDatabase(StorageProvider.PostgreSql, null, NpgsqlDataSource.Create(connectionString));
        }

        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            // Shared cache would serialise readers behind writers; WAL gives concurrent readers instead.
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        };
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            throw new ArgumentException("A SQLite connection string needs a Data Source (a file path)", nameof(connectionString));
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        return new IndexDatabase(StorageProvider.Sqlite, builder.ToString(), null);
    }

    /// <summary>An open connection, configured for this engine.</summary>
    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();
            // WAL: readers (the API) never block the writer (ingest). synchronous=FULL: a committed index row
            // survives power loss, as the stored file it describes does. busy_timeout: a second connection of this
            // process waits for the writer instead of failing with SQLITE_BUSY.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Begins a write transaction. SQLite's must take the write lock at once (BEGIN IMMEDIATE): a deferred
    /// transaction that reads first and writes later can fail with SQLITE_BUSY mid-way when another connection
    /// wrote in between.
    /// </summary>
    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            return await Task.Run(() => (DbTransaction)sqlite.BeginTransaction(deferred: false), cancellationToken).ConfigureAwait(false);
        }

        return await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsPostgres(string connectionString)
    {
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = part.Split('=', 2)[0].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

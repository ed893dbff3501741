using System.Data.Common;
using Dapper;
using ImageQuality.Storage.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageQuality.Storage.Migrations;

/// <summary>
/// Brings a database to the schema this build expects, at start-up. All pending steps run in one transaction (both
/// engines have transactional DDL), so a crash mid-way leaves the previous schema, never half of a step. Several
/// service instances starting together on one PostgreSQL serialise on an advisory lock; SQLite on its write lock.
/// </summary>
public sealed class MigrationRunner
{
    // Any fixed number, shared by every ImageQuality instance on the server: "the schema is being changed".
    private const long AdvisoryLockKey = 0x49_51_53_43_48_45_4D_41; // "IQSCHEMA"

    private readonly IndexDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    public MigrationRunner(IndexDatabase database, ILogger? logger = null)
        : this(database, SchemaMigrations.All, logger)
    {
    }

    internal MigrationRunner(IndexDatabase database, IReadOnlyList<Migration> migrations, ILogger? logger = null)
    {
        _database = database;
        _migrations = migrations;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The version the newest step of this build brings a database to.</summary>
    public int LatestVersion => _migrations.Count == 0 ? 0 : _migrations[^1].Version;

    /// <summary>Runs the steps the database lacks; returns the versions applied (empty when it was current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        clock ??= TimeProvider.System;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        if (_database.Provider == StorageProvider.PostgreSql)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLockKey }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
            transaction: transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var applied = (await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var newest = applied.Count == 0 ? 0 : applied.Max();
        if (newest > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {newest}, newer than this build of ImageQuality knows ({LatestVersion}): run the newer version, or restore a backup taken before the upgrade");
        }

        var done = new List<int>();
        foreach (var migration in _migrations)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            var sql = _database.Provider == StorageProvider.PostgreSql ? migration.PostgreSql : migration.Sqlite;
            await ExecuteScriptAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
                new { migration.Version, migration.Name, AppliedAt = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            done.Add(migration.Version);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (done.Count > 0)
        {
            _logger.LogInformation("Database schema migrated to version {Version} ({Provider}; steps {Steps})", LatestVersion, _database.Provider, string.Join(", ", done));
        }

        return done;
    }

    /// <summary>The versions recorded as applied.</summary>
    public async Task<IReadOnlyList<int>> AppliedVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<int>(new CommandDefinition("SELECT version FROM schema_migrations ORDER BY version", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    private static async Task ExecuteScriptAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // One statement per command, so that an error names the statement that failed.
        foreach (var statement in SplitStatements(sql))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    internal static IEnumerable<string> SplitStatements(string sql)
    {
        var lines = sql.Split('\n').Where(line => !line.TrimStart().StartsWith("--", StringComparison.Ordinal));
        return string.Join('\n', lines)
            .Split(';')
            .Select(statement => statement.Trim())
            .Where(statement => statement.Length > 0);
    }
}

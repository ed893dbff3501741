using System.Data.Common;
using Dapper;
using ImageQuality.Storage.Database;

namespace ImageQuality.Storage.Queue;

/// <summary>
/// The durable job queue, in the same database as the index so that "indexed" and "queued" commit together.
/// Workers lease jobs for a time; a worker that dies leaves its lease to run out and the job is taken again (at most
/// <see cref="JobRequest.MaxAttempts"/> times, then it goes to the dead letter). On PostgreSQL any number of workers
/// in any number of processes claim with FOR UPDATE SKIP LOCKED; SQLite serialises writers, which is enough for the
/// one process that owns the file.
/// </summary>
public sealed class JobQueue
{
    private readonly IndexDatabase _database;
    private readonly TimeProvider _clock;

    public JobQueue(IndexDatabase database, TimeProvider? clock = null)
    {
        _database = database;
        _clock = clock ?? TimeProvider.System;
    }

    public async Task EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(connection, transaction, request, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxAttempts, 1);
        const string sql = """
            INSERT INTO jobs (kind, subject, state, attempts, max_attempts, not_before, created_at)
            VALUES (@Kind, @Subject, 'pending', 0, @MaxAttempts, @NotBefore, @Now)
            ON CONFLICT (kind, subject) WHERE state = 'pending'
            DO UPDATE SET not_before = CASE
                WHEN @Expedite = 1 AND excluded.not_before < jobs.not_before THEN excluded.not_before
                WHEN @Expedite = 0 AND excluded.not_before > jobs.not_before THEN excluded.not_before
                ELSE jobs.not_before END
            """;
        await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new { request.Kind, request.Subject, request.MaxAttempts, NotBefore = request.NotBefore.ToUnixTimeMilliseconds(), Now = NowMs(), Expedite = request.Expedite ? 1 : 0 },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes the job that has waited longest among those due (optionally of the given kinds), or null when none is.
    /// A job whose earlier worker stopped without finishing it (its lease ran out) is due again; one that has used
    /// up its attempts that way goes to the dead letter instead, so a job that kills its worker cannot do so forever.
    /// </summary>
    public async Task<LeasedJob?> TryLeaseAsync(string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? kinds = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        while (true)
        {
            var job = await ClaimOneAsync(owner, leaseDuration, kinds, cancellationToken).ConfigureAwait(false);
            if (job is null || job.Attempt <= job.MaxAttempts)
            {
                return job;
            }

            await FailAsync(job, $"abandoned {job.MaxAttempts} times: the worker stopped (crash or kill) while running it", retryAfter: null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks a leased job done. False when the lease was lost (it ran out and another worker took the job).</summary>
    public async Task<bool> CompleteAsync(LeasedJob job, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET state = 'done', completed_at = @Now, lease_owner = NULL, lease_until = NULL WHERE id = @Id AND state = 'running' AND lease_owner = @LeaseOwner",
            new { job.Id, job.LeaseOwner, Now = NowMs() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows == 1;
    }

    /// <summary>
    /// Records a failure. With <paramref name="retryAfter"/> the job waits that long and is tried again while it
    /// has attempts left; without (a permanent error such as an unreadable file) it goes to the dead letter at once.
    /// </summary>
    public async Task<bool> FailAsync(LeasedJob job, string error, TimeSpan? retryAfter, CancellationToken cancellationToken = default)
    {
        var now = NowMs();
        const string sql = """
            UPDATE jobs SET
                state = CASE
                    WHEN @Permanent = 1 OR attempts >= max_attempts THEN 'dead'
                    WHEN EXISTS (SELECT 1 FROM jobs waiting WHERE waiting.kind = jobs.kind AND waiting.subject = jobs.subject AND waiting.state = 'pending') THEN 'superseded'
                    ELSE 'pending' END,
                not_before = @RetryAt,
                completed_at = @Now,
                last_error = @Error,
                lease_owner = NULL,
                lease_until = NULL
            WHERE id = @Id AND state = 'running' AND lease_owner = @LeaseOwner
            """;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                job.Id,
                job.LeaseOwner,
                Permanent = retryAfter is null ? 1 : 0,
                RetryAt = now + (long)(retryAfter ?? TimeSpan.Zero).TotalMilliseconds,
                Now = now,
                Error = Truncate(error, 4000),
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows == 1;
    }

    /// <summary>Extends a lease held by a worker that is still busy. False when it was already lost.</summary>
    public async Task<bool> RenewLeaseAsync(LeasedJob job, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE jobs SET lease_until = @LeaseUntil WHERE id = @Id AND state = 'running' AND lease_owner = @LeaseOwner",
            new { job.Id, job.LeaseOwner, LeaseUntil = NowMs() + (long)leaseDuration.TotalMilliseconds },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows == 1;
    }

    public async Task<QueueStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        var now = NowMs();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT state, COUNT(*) FROM jobs GROUP BY state", cancellationToken: cancellationToken)).ConfigureAwait(false))
            .ToDictionary(row => row.State, row => row.Count);
        var due = await connection.QuerySingleAsync<(long Count, long? Oldest)>(new CommandDefinition(
            "SELECT COUNT(*), MIN(not_before) FROM jobs WHERE state = 'pending' AND not_before <= @Now", new { Now = now }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        long Count(string state) => counts.TryGetValue(state, out var n) ? n : 0;
        return new QueueStatistics(
            Pending: Count("pending"),
            Due: due.Count,
            Running: Count("running"),
            Done: Count("done"),
            Dead: Count("dead"),
            OldestDueAge: due.Oldest is { } oldest ? TimeSpan.FromMilliseconds(now - oldest) : null);
    }

    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(long Id, string Kind, string Subject, int Attempts, string? LastError, long? CompletedAt)>(new CommandDefinition(
            "SELECT id, kind, subject, attempts, last_error, completed_at FROM jobs WHERE state = 'dead' ORDER BY completed_at DESC, id DESC LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new DeadLetter(r.Id, r.Kind, r.Subject, r.Attempts, r.LastError, r.CompletedAt is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null))];
    }

    private async Task<LeasedJob?> ClaimOneAsync(string owner, TimeSpan leaseDuration, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        var now = NowMs();
        var leaseUntil = now + (long)leaseDuration.TotalMilliseconds;
        // Npgsql takes the list as one array parameter; Dapper expands it into a list of parameters for SQLite.
        var kindFilter = kinds is not { Count: > 0 } ? string.Empty
            : _database.Provider == StorageProvider.PostgreSql ? "AND kind = ANY(@Kinds)" : "AND kind IN @Kinds";

        // SKIP LOCKED lets concurrent workers on PostgreSQL pass over a row another one is claiming instead of
        // queueing behind its lock; SQLite has one writer at a time, so the single statement is already atomic.
        var skipLocked = _database.Provider == StorageProvider.PostgreSql ? "FOR UPDATE SKIP LOCKED" : string.Empty;
        var sql = $"""
            UPDATE jobs SET state = 'running', lease_owner = @Owner, lease_until = @LeaseUntil, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE ((state = 'pending' AND not_before <= @Now) OR (state = 'running' AND lease_until < @Now)) {kindFilter}
                ORDER BY not_before, id
                LIMIT 1 {skipLocked})
            RETURNING id, kind, subject, attempts, max_attempts
            """;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Kind, string Subject, int Attempts, int MaxAttempts)?>(new CommandDefinition(
            sql,
            new { Owner = owner, LeaseUntil = leaseUntil, Now = now, Kinds = kinds?.ToArray() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is { } r
            ? new LeasedJob(r.Id, r.Kind, r.Subject, r.Attempts, r.MaxAttempts, owner, DateTimeOffset.FromUnixTimeMilliseconds(leaseUntil))
            : null;
    }

    private long NowMs() => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

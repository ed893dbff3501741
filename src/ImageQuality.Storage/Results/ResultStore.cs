using System.Data.Common;
using System.Text.Json;
using Dapper;
using ImageQuality.Analysis;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Queue;

namespace ImageQuality.Storage.Results;

/// <summary>
/// Analysis results, versioned: saving a new judgement of a subject by an analyzer adds a revision and supersedes the
/// previous one, never overwriting it. Saving for a job also completes the job in the same transaction, and only
/// while the caller still holds the job's lease: a job re-run after its worker was presumed dead cannot leave two
/// results for one judgement.
/// </summary>
public sealed class ResultStore
{
    private static readonly JsonSerializerOptions OverlaySerializerOptions = new(JsonSerializerDefaults.Web);

    private readonly IndexDatabase _database;
    private readonly TimeProvider _clock;

    public ResultStore(IndexDatabase database, TimeProvider? clock = null)
    {
        _database = database;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// Saves the outputs as the current results of <paramref name="subject"/> and, when <paramref name="job"/> is
    /// given, completes it. False (nothing saved) when the job's lease was lost to another worker.
    /// </summary>
    public async Task<bool> SaveAsync(ResultSubject subject, IReadOnlyList<AnalyzerOutput> outputs, LeasedJob? job = null, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (job is not null)
        {
            var claimed = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE jobs SET state = 'done', completed_at = @Now, lease_owner = NULL, lease_until = NULL WHERE id = @Id AND state = 'running' AND lease_owner = @LeaseOwner",
                new { job.Id, job.LeaseOwner, Now = now },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (claimed != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        foreach (var output in outputs)
        {
            await InsertAsync(connection, transaction, subject, output, job?.Id, now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The current results of a study: its study-level results and those of every instance in it.</summary>
    public Task<IReadOnlyList<StoredResult>> GetCurrentForStudyAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        QueryAsync("r.study_instance_uid = @Uid AND r.is_current = 1", new { Uid = studyInstanceUid }, cancellationToken);

    /// <summary>Every revision of one subject's results by every analyzer, newest first.</summary>
    public Task<IReadOnlyList<StoredResult>> GetHistoryAsync(ResultSubject subject, CancellationToken cancellationToken = default) =>
        QueryAsync("r.scope = @Scope AND r.subject_uid = @Uid", new { Scope = ScopeName(subject.Scope), subject.Uid }, cancellationToken);

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, ResultSubject subject, AnalyzerOutput output, long? jobId, long now, CancellationToken cancellationToken)
    {
        var key = new { Scope = ScopeName(subject.Scope), subject.Uid, output.AnalyzerId };
        var previous = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT MAX(revision) FROM analysis_results WHERE scope = @Scope AND subject_uid = @Uid AND analyzer_id = @AnalyzerId",
            key,
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE analysis_results SET is_current = 0 WHERE scope = @Scope AND subject_uid = @Uid AND analyzer_id = @AnalyzerId AND is_current = 1",
            key,
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO analysis_results (scope, subject_uid, study_instance_uid, analyzer_id, analyzer_version, model_version, revision, is_current, created_at, job_id)
            VALUES (@Scope, @Uid, @StudyInstanceUid, @AnalyzerId, @AnalyzerVersion, @ModelVersion, @Revision, 1, @Now, @JobId)
            RETURNING id
            """,
            new
            {
                key.Scope,
                key.Uid,
                subject.StudyInstanceUid,
                output.AnalyzerId,
                output.AnalyzerVersion,
                output.Result.ModelVersion,
                Revision = (previous ?? 0) + 1,
                Now = now,
                JobId = jobId,
            },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);

        var ordinal = 0;
        foreach (var finding in output.Result.Findings)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO findings (result_id, ordinal, criterion_id, outcome, message, measured_value, unit, threshold, confidence, sop_instance_uid, overlay_json)
                VALUES (@ResultId, @Ordinal, @CriterionId, @Outcome, @Message, @MeasuredValue, @Unit, @Threshold, @Confidence, @SopInstanceUid, @Overlay)
                """,
                new
                {
                    ResultId = id,
                    Ordinal = ordinal++,
                    finding.CriterionId,
                    Outcome = OutcomeName(finding.Outcome),
                    finding.Message,
                    finding.MeasuredValue,
                    finding.Unit,
                    finding.Threshold,
                    finding.Confidence,
                    finding.SopInstanceUid,
                    Overlay = finding.Overlay is null ? null : JsonSerializer.Serialize(finding.Overlay, OverlaySerializerOptions),
                },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<StoredResult>> QueryAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var results = (await connection.QueryAsync<ResultRow>(new CommandDefinition(
            $"""
            SELECT r.id AS Id, r.scope AS Scope, r.subject_uid AS SubjectUid, r.study_instance_uid AS StudyInstanceUid,
                   r.analyzer_id AS AnalyzerId, r.analyzer_version AS AnalyzerVersion, r.model_version AS ModelVersion,
                   r.revision AS Revision, r.is_current AS IsCurrent, r.created_at AS CreatedAt
            FROM analysis_results r WHERE {where}
            ORDER BY r.scope, r.subject_uid, r.analyzer_id, r.revision DESC
            """,
            parameters,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (results.Count == 0)
        {
            return [];
        }

        var findings = (await connection.QueryAsync<FindingRow>(new CommandDefinition(
            $"""
            SELECT f.result_id AS ResultId, f.criterion_id AS CriterionId, f.outcome AS Outcome, f.message AS Message,
                   f.measured_value AS MeasuredValue, f.unit AS Unit, f.threshold AS Threshold, f.confidence AS Confidence,
                   f.sop_instance_uid AS SopInstanceUid, f.overlay_json AS OverlayJson
            FROM findings f JOIN analysis_results r ON r.id = f.result_id WHERE {where}
            ORDER BY f.result_id, f.ordinal
            """,
            parameters,
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(f => f.ResultId);

        return [.. results.Select(r => new StoredResult(
            r.Id,
            Enum.Parse<ResultScope>(r.Scope, ignoreCase: true),
            r.SubjectUid,
            r.StudyInstanceUid,
            r.AnalyzerId,
            r.AnalyzerVersion,
            r.ModelVersion,
            (int)r.Revision,
            r.IsCurrent != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
            [.. findings[r.Id].Select(f => f.ToFinding())]))];
    }

    internal static string ScopeName(ResultScope scope) => scope == ResultScope.Instance ? "instance" : "study";

    internal static string OutcomeName(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Pass => "pass",
        FindingOutcome.Fail => "fail",
        _ => "not-assessable",
    };

    private sealed class ResultRow
    {
        public long Id { get; set; }

        public string Scope { get; set; } = "";

        public string SubjectUid { get; set; } = "";

        public string StudyInstanceUid { get; set; } = "";

        public string AnalyzerId { get; set; } = "";

        public string AnalyzerVersion { get; set; } = "";

        public string? ModelVersion { get; set; }

        public long Revision { get; set; }

        public long IsCurrent { get; set; }

        public long CreatedAt { get; set; }
    }

    private sealed class FindingRow
    {
        public long ResultId { get; set; }

        public string CriterionId { get; set; } = "";

        public string Outcome { get; set; } = "";

        public string Message { get; set; } = "";

        public double? MeasuredValue { get; set; }

        public string? Unit { get; set; }

        public string? Threshold { get; set; }

        public double? Confidence { get; set; }

        public string? SopInstanceUid { get; set; }

        public string? OverlayJson { get; set; }

        public Finding ToFinding() => new(
            CriterionId,
            Outcome switch { "pass" => FindingOutcome.Pass, "fail" => FindingOutcome.Fail, _ => FindingOutcome.NotAssessable },
            Message,
            MeasuredValue,
            Unit,
            Threshold,
            Confidence,
            SopInstanceUid,
            OverlayJson is null ? null : JsonSerializer.Deserialize<OverlayGeometry>(OverlayJson, OverlaySerializerOptions));
    }
}

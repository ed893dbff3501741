using Dapper;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Queue;

namespace ImageQuality.Storage.Index;

/// <summary>
/// The index of received instances (study → series → instance) and the door to the queue: indexing an instance and
/// queuing its jobs is one transaction, so a crash between the two cannot leave an instance indexed but never
/// analysed, or a job for an instance the index does not know.
/// </summary>
public sealed class InstanceIndex
{
    private readonly IndexDatabase _database;
    private readonly JobQueue _queue;

    public InstanceIndex(IndexDatabase database, JobQueue queue)
    {
        _database = database;
        _queue = queue;
    }

    /// <summary>
    /// Indexes one instance and queues <paramref name="jobs"/> with it. The same SOP Instance UID again is kept as
    /// it was (no jobs: re-receiving a study does not re-analyse it) unless <paramref name="replaceExisting"/> says
    /// the stored file was overwritten, in which case the row is replaced and the jobs queued again.
    /// </summary>
    public async Task<IndexOutcome> AddAsync(InstanceRecord record, IReadOnlyList<JobRequest> jobs, bool replaceExisting = false, CancellationToken cancellationToken = default)
    {
        var parameters = Parameters(record);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);

        // Parents first (foreign keys); their counters move only for an instance that is new.
        await connection.ExecuteAsync(new CommandDefinition(InsertStudy, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(InsertSeries, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertInstance, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);

        IndexOutcome outcome;
        if (inserted == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(CountNewInstance, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            outcome = IndexOutcome.Added;
        }
        else if (replaceExisting)
        {
            await connection.ExecuteAsync(new CommandDefinition(ReplaceInstance, parameters, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            outcome = IndexOutcome.Replaced;
        }
        else
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return IndexOutcome.AlreadyIndexed;
        }

        foreach (var job in jobs)
        {
            await _queue.EnqueueAsync(connection, transaction, job, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>One indexed instance, or null.</summary>
    public async Task<InstanceRecord?> FindInstanceAsync(string sopInstanceUid, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<InstanceRow>(new CommandDefinition(
            SelectInstances + " WHERE i.sop_instance_uid = @Uid", new { Uid = sopInstanceUid }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    /// <summary>The instances of a study, by series and instance number.</summary>
    public async Task<IReadOnlyList<InstanceRecord>> GetStudyInstancesAsync(string studyInstanceUid, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<InstanceRow>(new CommandDefinition(
            SelectInstances + " WHERE i.study_instance_uid = @Uid ORDER BY se.series_number, i.series_instance_uid, i.instance_number, i.sop_instance_uid",
            new { Uid = studyInstanceUid },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToRecord())];
    }

    /// <summary>One study's summary, or null.</summary>
    public async Task<StudySummary?> FindStudyAsync(string studyInstanceUid, CancellationToken cancellationToken = default) =>
        (await ListStudiesAsync(new StudyQuery(StudyInstanceUid: studyInstanceUid), cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>The instances (SOP and Study Instance UIDs) received at or after a time, oldest first.</summary>
    public async Task<IReadOnlyList<(string SopInstanceUid, string StudyInstanceUid)>> GetInstancesReceivedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT sop_instance_uid, study_instance_uid FROM instances WHERE received_at >= @Since ORDER BY received_at, sop_instance_uid",
            new { Since = since.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows];
    }

    /// <summary>Every indexed file path: to find files in the store that the index lacks, without reading them.</summary>
    public async Task<HashSet<string>> GetIndexedPathsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(new CommandDefinition("SELECT file_path FROM instances", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Studies, the most recently received first, a page at a time.</summary>
    public async Task<IReadOnlyList<StudySummary>> ListStudiesAsync(StudyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, 1000);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Page);
        var filters = new List<string>();
        if (query.Modality is not null)
        {
            filters.Add("(',' || s.modalities || ',') LIKE @ModalityPattern");
        }

        if (query.StudyInstanceUid is not null)
        {
            filters.Add("s.study_instance_uid = @StudyInstanceUid");
        }

        if (query.PatientId is not null)
        {
            filters.Add("s.patient_id = @PatientId");
        }

        if (query.ReceivedSince is not null)
        {
            filters.Add("s.last_received_at >= @Since");
        }

        var where = filters.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", filters);
        var sql = $"""
            SELECT s.study_instance_uid AS StudyInstanceUid, s.patient_id AS PatientId, s.patient_name AS PatientName,
                   s.accession_number AS AccessionNumber, s.study_date AS StudyDate, s.study_description AS StudyDescription,
                   s.modalities AS Modalities, s.institution_name AS InstitutionName, s.instance_count AS InstanceCount,
                   s.first_received_at AS FirstReceivedAt, s.last_received_at AS LastReceivedAt
            FROM studies s {where}
            ORDER BY s.last_received_at DESC, s.study_instance_uid
            LIMIT @Limit OFFSET @Offset
            """;
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StudyRow>(new CommandDefinition(
            sql,
            new
            {
                ModalityPattern = $"%,{query.Modality},%",
                query.PatientId,
                query.StudyInstanceUid,
                Since = query.ReceivedSince?.ToUnixTimeMilliseconds(),
                Limit = query.PageSize,
                Offset = (long)query.Page * query.PageSize,
            },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToSummary())];
    }

    private static object Parameters(InstanceRecord r) => new
    {
        r.SopInstanceUid,
        r.SopClassUid,
        r.StudyInstanceUid,
        r.SeriesInstanceUid,
        r.PatientId,
        r.PatientName,
        r.AccessionNumber,
        r.StudyDate,
        r.StudyTime,
        r.StudyDescription,
        r.Modality,
        r.SeriesNumber,
        r.SeriesDescription,
        r.InstanceNumber,
        r.BodyPartExamined,
        r.ViewPosition,
        r.ImageLaterality,
        r.PresentationIntentType,
        r.Operator,
        r.StationName,
        r.DeviceSerialNumber,
        r.Manufacturer,
        r.ManufacturerModelName,
        r.InstitutionName,
        r.ContentDate,
        r.ContentTime,
        r.CallingAeTitle,
        r.TransferSyntaxUid,
        r.FilePath,
        r.FileSize,
        ReceivedAt = r.ReceivedAt.ToUnixTimeMilliseconds(),
    };

    private const string InsertStudy = """
        INSERT INTO studies (study_instance_uid, patient_id, patient_name, accession_number, study_date, study_time, study_description,
                             modalities, institution_name, instance_count, first_received_at, last_received_at)
        VALUES (@StudyInstanceUid, @PatientId, @PatientName, @AccessionNumber, @StudyDate, @StudyTime, @StudyDescription,
                @Modality, @InstitutionName, 0, @ReceivedAt, @ReceivedAt)
        ON CONFLICT (study_instance_uid) DO NOTHING
        """;

    private const string InsertSeries = """
        INSERT INTO series (series_instance_uid, study_instance_uid, modality, series_number, series_description, body_part_examined, instance_count)
        VALUES (@SeriesInstanceUid, @StudyInstanceUid, @Modality, @SeriesNumber, @SeriesDescription, @BodyPartExamined, 0)
        ON CONFLICT (series_instance_uid) DO NOTHING
        """;

    private const string InstanceColumns = """
        sop_instance_uid, series_instance_uid, study_instance_uid, sop_class_uid, instance_number, modality, body_part_examined,
        view_position, image_laterality, presentation_intent_type, operator, station_name, device_serial_number, manufacturer,
        manufacturer_model_name, institution_name, content_date, content_time, calling_ae_title, transfer_syntax_uid, file_path,
        file_size, received_at
        """;

    private const string InstanceValues = """
        @SopInstanceUid, @SeriesInstanceUid, @StudyInstanceUid, @SopClassUid, @InstanceNumber, @Modality, @BodyPartExamined,
        @ViewPosition, @ImageLaterality, @PresentationIntentType, @Operator, @StationName, @DeviceSerialNumber, @Manufacturer,
        @ManufacturerModelName, @InstitutionName, @ContentDate, @ContentTime, @CallingAeTitle, @TransferSyntaxUid, @FilePath,
        @FileSize, @ReceivedAt
        """;

    private const string InsertInstance = $"INSERT INTO instances ({InstanceColumns}) VALUES ({InstanceValues}) ON CONFLICT (sop_instance_uid) DO NOTHING";

    // Modalities of a study as ",MG,SR"-free comma list; a new modality is appended once.
    private const string CountNewInstance = """
        UPDATE studies SET
            instance_count = instance_count + 1,
            last_received_at = CASE WHEN @ReceivedAt > last_received_at THEN @ReceivedAt ELSE last_received_at END,
            modalities = CASE
                WHEN @Modality IS NULL THEN modalities
                WHEN modalities IS NULL THEN @Modality
                WHEN (',' || modalities || ',') LIKE ('%,' || @Modality || ',%') THEN modalities
                ELSE modalities || ',' || @Modality END
        WHERE study_instance_uid = @StudyInstanceUid;
        UPDATE series SET instance_count = instance_count + 1 WHERE series_instance_uid = @SeriesInstanceUid
        """;

    private const string ReplaceInstance = """
        UPDATE instances SET
            sop_class_uid = @SopClassUid, instance_number = @InstanceNumber, modality = @Modality, body_part_examined = @BodyPartExamined,
            view_position = @ViewPosition, image_laterality = @ImageLaterality, presentation_intent_type = @PresentationIntentType,
            operator = @Operator, station_name = @StationName, device_serial_number = @DeviceSerialNumber, manufacturer = @Manufacturer,
            manufacturer_model_name = @ManufacturerModelName, institution_name = @InstitutionName, content_date = @ContentDate,
            content_time = @ContentTime, calling_ae_title = @CallingAeTitle, transfer_syntax_uid = @TransferSyntaxUid,
            file_path = @FilePath, file_size = @FileSize, received_at = @ReceivedAt, revision = revision + 1
        WHERE sop_instance_uid = @SopInstanceUid;
        UPDATE studies SET last_received_at = CASE WHEN @ReceivedAt > last_received_at THEN @ReceivedAt ELSE last_received_at END
        WHERE study_instance_uid = @StudyInstanceUid
        """;

    private const string SelectInstances = """
        SELECT i.sop_instance_uid AS SopInstanceUid, i.sop_class_uid AS SopClassUid, i.study_instance_uid AS StudyInstanceUid,
               i.series_instance_uid AS SeriesInstanceUid, s.patient_id AS PatientId, s.patient_name AS PatientName,
               s.accession_number AS AccessionNumber, s.study_date AS StudyDate, s.study_time AS StudyTime,
               s.study_description AS StudyDescription, i.modality AS Modality, se.series_number AS SeriesNumber,
               se.series_description AS SeriesDescription, i.instance_number AS InstanceNumber,
               i.body_part_examined AS BodyPartExamined, i.view_position AS ViewPosition, i.image_laterality AS ImageLaterality,
               i.presentation_intent_type AS PresentationIntentType, i.operator AS Operator, i.station_name AS StationName,
               i.device_serial_number AS DeviceSerialNumber, i.manufacturer AS Manufacturer,
               i.manufacturer_model_name AS ManufacturerModelName, i.institution_name AS InstitutionName,
               i.content_date AS ContentDate, i.content_time AS ContentTime, i.calling_ae_title AS CallingAeTitle,
               i.transfer_syntax_uid AS TransferSyntaxUid, i.file_path AS FilePath, i.file_size AS FileSize,
               i.received_at AS ReceivedAt
        FROM instances i
        JOIN series se ON se.series_instance_uid = i.series_instance_uid
        JOIN studies s ON s.study_instance_uid = i.study_instance_uid
        """;
}

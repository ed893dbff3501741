namespace ImageQuality.Storage.Migrations;

/// <summary>Every schema step, oldest first. Times are Unix milliseconds (UTC) in both engines.</summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new Migration(1, "index and job queue", Sqlite: IndexAndQueue("INTEGER PRIMARY KEY AUTOINCREMENT"), PostgreSql: IndexAndQueue("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")),
        new Migration(2, "analysis results", Sqlite: Results("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL"), PostgreSql: Results("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "DOUBLE PRECISION")),
    ];

    // A result is one analyzer's judgement of one subject (an instance or a study) at one revision. A new judgement
    // (re-analysis, a late arrival) adds a revision and marks the older one superseded: results are never
    // overwritten, so a scorecard can be re-made as it was. Findings are rows, for scorecards to group by criterion.
    private static string Results(string identityColumn, string realType) => $"""
        CREATE TABLE analysis_results (
            id {identityColumn},
            scope TEXT NOT NULL,
            subject_uid TEXT NOT NULL,
            study_instance_uid TEXT NOT NULL,
            analyzer_id TEXT NOT NULL,
            analyzer_version TEXT NOT NULL,
            model_version TEXT,
            revision INTEGER NOT NULL,
            is_current INTEGER NOT NULL,
            created_at BIGINT NOT NULL,
            job_id BIGINT
        );
        CREATE UNIQUE INDEX ux_results_revision ON analysis_results (scope, subject_uid, analyzer_id, revision);
        CREATE INDEX ix_results_study ON analysis_results (study_instance_uid, is_current);
        CREATE UNIQUE INDEX ux_results_job ON analysis_results (job_id, analyzer_id) WHERE job_id IS NOT NULL;

        CREATE TABLE findings (
            result_id BIGINT NOT NULL REFERENCES analysis_results (id),
            ordinal INTEGER NOT NULL,
            criterion_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT NOT NULL,
            measured_value {realType},
            unit TEXT,
            threshold TEXT,
            confidence {realType},
            sop_instance_uid TEXT,
            overlay_json TEXT,
            PRIMARY KEY (result_id, ordinal)
        );
        CREATE INDEX ix_findings_criterion ON findings (criterion_id, outcome);
        """;

    // Attributes that vary per image (operator, station, view) live on the instance: one study can be acquired on
    // two rooms' units by two technologists, and the scorecards group by those per image.
    private static string IndexAndQueue(string identityColumn) => $"""
        CREATE TABLE studies (
            study_instance_uid TEXT PRIMARY KEY,
            patient_id TEXT,
            patient_name TEXT,
            accession_number TEXT,
            study_date TEXT,
            study_time TEXT,
            study_description TEXT,
            modalities TEXT,
            institution_name TEXT,
            instance_count INTEGER NOT NULL DEFAULT 0,
            first_received_at BIGINT NOT NULL,
            last_received_at BIGINT NOT NULL
        );
        CREATE INDEX ix_studies_last_received ON studies (last_received_at DESC);

        CREATE TABLE series (
            series_instance_uid TEXT PRIMARY KEY,
            study_instance_uid TEXT NOT NULL REFERENCES studies (study_instance_uid),
            modality TEXT,
            series_number INTEGER,
            series_description TEXT,
            body_part_examined TEXT,
            instance_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX ix_series_study ON series (study_instance_uid);

        CREATE TABLE instances (
            sop_instance_uid TEXT PRIMARY KEY,
            series_instance_uid TEXT NOT NULL REFERENCES series (series_instance_uid),
            study_instance_uid TEXT NOT NULL REFERENCES studies (study_instance_uid),
            sop_class_uid TEXT NOT NULL,
            instance_number INTEGER,
            modality TEXT,
            body_part_examined TEXT,
            view_position TEXT,
            image_laterality TEXT,
            presentation_intent_type TEXT,
            operator TEXT,
            station_name TEXT,
            device_serial_number TEXT,
            manufacturer TEXT,
            manufacturer_model_name TEXT,
            institution_name TEXT,
            content_date TEXT,
            content_time TEXT,
            calling_ae_title TEXT,
            transfer_syntax_uid TEXT,
            file_path TEXT NOT NULL,
            file_size BIGINT NOT NULL,
            received_at BIGINT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX ix_instances_study ON instances (study_instance_uid);
        CREATE INDEX ix_instances_series ON instances (series_instance_uid);
        CREATE INDEX ix_instances_operator ON instances (operator);
        CREATE INDEX ix_instances_station ON instances (station_name);

        CREATE TABLE jobs (
            id {identityColumn},
            kind TEXT NOT NULL,
            subject TEXT NOT NULL,
            state TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL,
            not_before BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            lease_owner TEXT,
            lease_until BIGINT,
            completed_at BIGINT,
            last_error TEXT
        );
        -- At most one waiting job per kind and subject: a study's settle job is pushed back, not duplicated, when
        -- another instance of it arrives. A running one is not covered, so a late arrival queues a fresh judgement.
        CREATE UNIQUE INDEX ux_jobs_pending ON jobs (kind, subject) WHERE state = 'pending';
        CREATE INDEX ix_jobs_ready ON jobs (state, not_before);
        """;
}

namespace ImageQuality.Storage.Migrations;

/// <summary>
/// One step of the schema. Steps are never edited once released: a change is a new step with the next version,
/// so every database, however old, reaches the same schema by running the steps it lacks in order.
/// </summary>
/// <param name="Version">1, 2, 3… in order of release.</param>
/// <param name="Name">What the step does, for the log and the schema_migrations table.</param>
/// <param name="Sqlite">The statements for SQLite.</param>
/// <param name="PostgreSql">The statements for PostgreSQL.</param>
public sealed record Migration(int Version, string Name, string Sqlite, string PostgreSql);

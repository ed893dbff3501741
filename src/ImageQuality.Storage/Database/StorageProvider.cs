namespace ImageQuality.Storage.Database;

/// <summary>The database engines the index, queue and results live in.</summary>
public enum StorageProvider
{
    /// <summary>Embedded, one service process: the default on one machine.</summary>
    Sqlite,

    /// <summary>Shared by several service instances (queue claims use FOR UPDATE SKIP LOCKED).</summary>
    PostgreSql,
}

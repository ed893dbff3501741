namespace ImageQuality.Service.Hosting;

/// <summary>What /readyz reports: ready once the database is migrated and the listener accepts associations.</summary>
public sealed class ReadinessState
{
    private volatile bool _databaseReady;
    private volatile bool _listenerReady;

    public bool DatabaseReady
    {
        get => _databaseReady;
        set => _databaseReady = value;
    }

    public bool ListenerReady
    {
        get => _listenerReady;
        set => _listenerReady = value;
    }

    public bool IsReady => DatabaseReady && ListenerReady;
}

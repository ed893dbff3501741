using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Listener;
using ImageQuality.Dicom.Network.Storage;
using ImageQuality.Service.Ingest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Hosting;

/// <summary>
/// The DICOM listener of the service: stores into "{DataDir}/store" and hands every stored instance to ingest.
/// On stop it stops accepting and lets running associations finish.
/// </summary>
public sealed partial class ListenerService(
    DicomListenerOptions listenerOptions,
    DicomFolderStoreOptions storeOptions,
    ServiceOptions options,
    IngestQueue ingest,
    ServiceMetrics metrics,
    ReadinessState readiness,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<ListenerService>();
    private readonly CancellationTokenSource _stopping = new();
    private DicomListener? _listener;
    private Task _pump = Task.CompletedTask;

    /// <summary>The port actually listened on (when the setting is 0).</summary>
    public int Port => _listener?.LocalEndPoint.Port ?? 0;

    /// <summary>The DICOM TLS port actually listened on; 0 without TLS.</summary>
    public int TlsPort => _listener?.TlsLocalEndPoint?.Port ?? 0;

    /// <summary>Associations in progress, for a shutdown that lets them finish.</summary>
    public int ActiveAssociations => _listener?.ActiveAssociations ?? 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var store = new DicomFolderStore(options.StoreFolder, storeOptions, loggers.CreateLogger<DicomFolderStore>());

        // Made before the pump starts: it reads the TLS certificate and keys, and a bad file fails the start here.
        _listener = new DicomListener(listenerOptions, store, loggers.CreateLogger<DicomListener>());
        _pump = Task.Run(() => PumpAsync(store, _stopping.Token), CancellationToken.None);
        _listener.Start();
        readiness.ListenerReady = true;
        if (TlsPort == 0)
        {
            LogListening(listenerOptions.AeTitle, Port, options.StoreFolder);
        }
        else
        {
            LogListeningWithTls(listenerOptions.AeTitle, Port, TlsPort, options.StoreFolder);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        readiness.ListenerReady = false;
        if (_listener is not null)
        {
            await _listener.StopAsync().ConfigureAwait(false);
        }

        // What the store announced and ingest has not taken yet is indexed at the next start (the store is checked
        // against the index then), so stopping here loses nothing.
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the store's announcements to ingest. The store waits for room in its channel before putting a file in
    /// place, so when ingest falls behind the C-STORE responses wait, never the network read loop.
    /// </summary>
    private async Task PumpAsync(DicomFolderStore store, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var stored in store.Received.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                metrics.InstanceReceived();
                LogStored(stored.SopInstanceUid, stored.SopClassUid, stored.TransferSyntaxUid, stored.CallingAeTitle, stored.Path);
                await ingest.WriteAsync(new Ingest.ReceivedInstance(stored.Path, stored.CallingAeTitle, stored.ReceivedAt, stored.ReplacedExisting), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {SopInstanceUid} ({SopClassUid}, {TransferSyntaxUid}) from {CallingAeTitle} as {Path}")]
    private partial void LogStored(string sopInstanceUid, string sopClassUid, string transferSyntaxUid, string callingAeTitle, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM listener {AeTitle} on port {Port}, storing under {Store}")]
    private partial void LogListening(string aeTitle, int port, string store);

    [LoggerMessage(Level = LogLevel.Information, Message = "DICOM listener {AeTitle} on port {Port} and DICOM TLS port {TlsPort}, storing under {Store}")]
    private partial void LogListeningWithTls(string aeTitle, int port, int tlsPort, string store);
}

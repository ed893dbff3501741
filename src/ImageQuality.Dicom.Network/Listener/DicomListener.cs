using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Dimse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageQuality.Dicom.Network.Listener;

/// <summary>
/// The storage SCP: accepts TCP connections and serves each on its own task (C-ECHO, C-STORE). The accept loop
/// does nothing but accept: no read, handshake or negotiation happens on it, so a slow or silent peer cannot hold
/// up others. Connections beyond <see cref="DicomListenerOptions.MaxAssociations"/> are still read, so that they
/// can be rejected as the standard says (transient, source 3, reason 2).
/// </summary>
public sealed class DicomListener : IAsyncDisposable
{
    private readonly DicomListenerOptions _options;
    private readonly IDicomStoreHandler _store;
    private readonly ILogger _log;
    private readonly AssociationNegotiator _negotiator;
    private readonly AssociationSlots _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private TcpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private long _nextConnection;

    public DicomListener(DicomListenerOptions options, IDicomStoreHandler storeHandler, ILogger<DicomListener>? logger = null)
    {
        options.Validate();
        _options = options;
        _store = storeHandler;
        _log = (ILogger?)logger ?? NullLogger.Instance;
        _negotiator = new AssociationNegotiator(options);
        _slots = new AssociationSlots(options.MaxAssociations);
    }

    /// <summary>Where the listener listens; with port 0 in the options, the port actually taken.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)(_listener ?? throw new InvalidOperationException("The listener is not started")).LocalEndpoint;

    /// <summary>Associations established now (those that hold a slot).</summary>
    public int ActiveAssociations => _slots.Count;

    /// <summary>Open transport connections, associated or not.</summary>
    public int OpenConnections => _connections.Count;

    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The listener is already started");
        }

        var address = IPAddress.Parse(_options.BindAddress);
        _listener = new TcpListener(address, _options.Port);
        if (address.Equals(IPAddress.IPv6Any))
        {
            _listener.Server.DualMode = true;
        }

        _listener.Start(backlog: 512);
        _log.LogInformation("DICOM listener {AeTitle} on {EndPoint}", _options.AeTitle, _listener.LocalEndpoint);
        _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
    }

    /// <summary>Stops accepting, aborts open associations (A-ABORT, partial instances discarded) and waits for them to end.</summary>
    public async Task StopAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        _listener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException e)
            {
                // A connection reset before it was accepted, or a descriptor shortage: keep accepting.
                _log.LogWarning("Accepting a connection failed: {Error}", e.SocketErrorCode);
                continue;
            }

            // Registered before it runs, so that its own removal at the end cannot come first.
            long id = Interlocked.Increment(ref _nextConnection);
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connections[id] = Task.Run(
                async () =>
                {
                    await registered.Task.ConfigureAwait(false);
                    await ServeAsync(socket, stopping).ConfigureAwait(false);
                    _connections.TryRemove(id, out _);
                },
                CancellationToken.None);
            registered.SetResult();
        }
    }

    private async Task ServeAsync(Socket socket, CancellationToken stopping)
    {
        try
        {
            // Debian's dcmtk and others leave Nagle on; we never want a response held back by a delayed ACK.
            socket.NoDelay = true;
            var stream = new NetworkStream(socket, ownsSocket: true);
            var acceptor = new AssociationAcceptor(stream, socket.RemoteEndPoint as IPEndPoint, _options, _negotiator, _slots, _store, _log, stopping);
            await acceptor.RunAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.LogError(e, "Serving a connection failed");
            socket.Dispose();
        }
    }
}

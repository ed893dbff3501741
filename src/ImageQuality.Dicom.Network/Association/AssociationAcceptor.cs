using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus;
using Microsoft.Extensions.Logging;
using static ImageQuality.Dicom.Network.Association.UpperLayerAction;
using static ImageQuality.Dicom.Network.Association.UpperLayerEvent;
using static ImageQuality.Dicom.Network.Association.UpperLayerState;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// The accepting side of one transport connection, driven by <see cref="UpperLayerStateMachine"/>. The read loop
/// parses PDUs from the pipe, answers association control itself, and queues DIMSE traffic to a
/// <see cref="DimseReceiver"/> on another task through a bounded channel: storage never blocks reading, and a full
/// queue only stops reading from the socket, which slows the sender through TCP.
/// </summary>
/// <remarks>
/// Choices where PS3.8 leaves room: protocol errors are answered with A-ABORT source 2 and the specific reason in
/// every state, Sta2 included (the table's AA-1 names the service-user source, which carries no reason); local
/// timeouts and shutdown abort with source 0. A P-DATA-TF longer than our announced maximum is reason 6 (invalid
/// PDU parameter value). In Sta13 a second protocol error is not answered again: the rest is discarded until the
/// peer closes or ARTIM expires.
/// </remarks>
internal sealed class AssociationAcceptor : IDimseResponder
{
    private static long s_nextId;

    private readonly PduConnection _connection;
    private readonly IPEndPoint? _remote;
    private readonly DicomListenerOptions _options;
    private readonly AssociationNegotiator _negotiator;
    private readonly AssociationSlots _slots;
    private readonly IDicomStoreHandler _store;
    private readonly ILogger _log;
    private readonly CancellationToken _stopping;
    private readonly UpperLayerStateMachine _machine = new(isRequestor: false);
    private readonly Lock _gate = new();
    private readonly long _id = Interlocked.Increment(ref s_nextId);
    private readonly PduReadLimits _limits;
    private readonly CancellationTokenSource _dimseAbort = new();

    private CancellationTokenSource _deadline;
    private bool _slotHeld;
    private bool _abortSent;
    private int _pendingResponses;
    private DicomAssociationInfo? _info;
    private DimseMessageAssembler? _assembler;
    private Channel<DimseQueueItem>? _queue;
    private DimseReceiver? _receiver;
    private Task _receiverTask = Task.CompletedTask;
    private string _outcome = "closed";

    public AssociationAcceptor(Stream stream, IPEndPoint? remote, DicomListenerOptions options, AssociationNegotiator negotiator, AssociationSlots slots, IDicomStoreHandler store, ILogger log, CancellationToken stopping)
    {
        _connection = new PduConnection(stream);
        _remote = remote;
        _options = options;
        _negotiator = negotiator;
        _slots = slots;
        _store = store;
        _log = log;
        _stopping = stopping;
        _limits = new PduReadLimits((uint)options.MaxPduLength, (uint)options.MaxAssociatePduLength);
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public UpperLayerState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    private string Name => _info?.ToString() ?? $"connection {_id} from {_remote}";

    /// <summary>Serves the connection until it closes; never throws for anything the peer does.</summary>
    public async Task RunAsync()
    {
        Fire(Evt5);
        try
        {
            await ReadLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            TransportClosed($"transport error: {e.Message}");
        }
        catch (Exception e)
        {
            _log.LogError(e, "{Association}: unexpected failure", Name);
            _outcome = "failed";
        }
        finally
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync()
    {
        PipeReader reader = _connection.Reader;
        while (State != Sta1)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(_deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await OnDeadlineAsync().ConfigureAwait(false);
                continue;
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            try
            {
                if (State == Sta13 && _abortSent)
                {
                    buffer = buffer.Slice(buffer.End);
                }

                while (State != Sta1 && PduReader.TryRead(ref buffer, _limits, out Pdu? pdu))
                {
                    await OnPduAsync(pdu).ConfigureAwait(false);
                    ArmDeadline();
                }
            }
            catch (DicomNetworkProtocolException e)
            {
                await OnInvalidPduAsync(e).ConfigureAwait(false);
                buffer = buffer.Slice(buffer.End);
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested || _deadline.IsCancellationRequested)
            {
                await OnDeadlineAsync().ConfigureAwait(false);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted && State != Sta1)
            {
                TransportClosed("the peer closed the connection");
            }
        }
    }

    private async ValueTask OnPduAsync(Pdu pdu)
    {
        switch (pdu)
        {
            case AssociateRequestPdu rq:
                await OnAssociateRequestAsync(rq).ConfigureAwait(false);
                break;
            case PDataTransferPdu data:
                if (Fire(Evt10) is DT2)
                {
                    await OnDataAsync(data).ConfigureAwait(false);
                }
                else
                {
                    await ActOnUnexpectedAsync(Evt10, PduType.DataTransfer).ConfigureAwait(false);
                }

                break;
            case ReleaseRequestPdu:
                if (_assembler?.InMessage == true)
                {
                    throw new DicomNetworkProtocolException(AbortReason.UnexpectedPdu, "A-RELEASE-RQ in the middle of a DIMSE message");
                }

                if (Fire(Evt12) is AR2)
                {
                    // Answered by the DIMSE task once every response before it is out (Sta8 still allows P-DATA, AR-7).
                    await _queue!.Writer.WriteAsync(DimseQueueItem.ForRelease(), _deadline.Token).ConfigureAwait(false);
                }
                else
                {
                    await ActOnUnexpectedAsync(Evt12, PduType.ReleaseRequest).ConfigureAwait(false);
                }

                break;
            case AbortPdu abort:
                UpperLayerAction action = Fire(Evt16);
                _outcome = $"aborted by the peer (source {(byte)abort.Source}, reason {(byte)abort.Reason})";
                if (action == AA3)
                {
                    _dimseAbort.Cancel();
                }

                break;
            case AssociateAcceptPdu:
                await ActOnUnexpectedAsync(Evt3, pdu.Type).ConfigureAwait(false);
                break;
            case AssociateRejectPdu:
                await ActOnUnexpectedAsync(Evt4, pdu.Type).ConfigureAwait(false);
                break;
            case ReleaseResponsePdu:
                await ActOnUnexpectedAsync(Evt13, pdu.Type).ConfigureAwait(false);
                break;
        }
    }

    private async ValueTask OnAssociateRequestAsync(AssociateRequestPdu rq)
    {
        bool acceptable = AssociationNegotiator.IsAcceptableToProvider(rq);
        UpperLayerAction action = Fire(Evt6, acceptable);
        if (action != AE6)
        {
            await ActOnUnexpectedAsync(Evt6, PduType.AssociateRequest, alreadyFired: action).ConfigureAwait(false);
            return;
        }

        AssociationDecision decision = _negotiator.Negotiate(rq, _remote?.Address, TryAcquireSlot);
        if (!acceptable)
        {
            // AE-6, "otherwise" branch: the provider rejects, Sta13, ARTIM started.
            await RejectAsync(rq, decision).ConfigureAwait(false);
            return;
        }

        if (decision.Reject is not null)
        {
            Fire(Evt8);
            await RejectAsync(rq, decision).ConfigureAwait(false);
            return;
        }

        _info = new DicomAssociationInfo
        {
            Id = _id,
            CallingAeTitle = rq.CallingAeTitle,
            CalledAeTitle = rq.CalledAeTitle,
            RemoteEndPoint = _remote,
            PeerMaxPduLength = rq.UserInformation.MaximumLength,
            PeerImplementationClassUid = rq.UserInformation.ImplementationClassUid,
            PeerImplementationVersionName = rq.UserInformation.ImplementationVersionName,
            AcceptedContexts = decision.AcceptedContexts,
        };
        _assembler = new DimseMessageAssembler(decision.AcceptedContexts, _options.MaxCommandSetLength);
        _queue = Channel.CreateBounded<DimseQueueItem>(new BoundedChannelOptions(_options.MaxQueuedFragments)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _receiver = new DimseReceiver(_info, _store, this, _log);
        Fire(Evt7);
        await _connection.SendAsync(decision.Accept!, _options.AcseTimeout, _stopping).ConfigureAwait(false);
        _receiverTask = Task.Run(() => _receiver.RunAsync(_queue.Reader, _dimseAbort.Token));
        _log.LogInformation(
            "{Association}: accepted {Accepted} of {Proposed} presentation contexts, peer max PDU {MaxPdu}, peer implementation {Implementation} {Version}",
            Name,
            decision.AcceptedContexts.Count,
            rq.PresentationContexts.Count,
            rq.UserInformation.MaximumLength,
            rq.UserInformation.ImplementationClassUid,
            rq.UserInformation.ImplementationVersionName);
    }

    private async ValueTask RejectAsync(AssociateRequestPdu rq, AssociationDecision decision)
    {
        AssociateRejectPdu reject = decision.Reject!;
        _outcome = $"rejected: {decision.RejectReason} ({reject})";
        _log.LogWarning("{Connection}: A-ASSOCIATE-RQ from '{Calling}' to '{Called}' rejected: {Reason} ({Reject})", Name, rq.CallingAeTitle, rq.CalledAeTitle, decision.RejectReason, reject);
        await _connection.SendAsync(reject, _options.AcseTimeout, _stopping).ConfigureAwait(false);
    }

    private async ValueTask OnDataAsync(PDataTransferPdu data)
    {
        for (int i = 0; i < data.Values.Count; i++)
        {
            DimseQueueItem? item = _assembler!.Accept(data.Values[i]);
            if (item is not { } queued)
            {
                continue;
            }

            if (queued.Kind == DimseQueueItemKind.Command)
            {
                ushort field = queued.Command!.CommandField;
                if (DimseCommandField.IsResponse(field))
                {
                    queued.ReturnBuffer();
                    await AbortUnsolicitedResponseAsync(field).ConfigureAwait(false);
                    return;
                }

                if (DimseCommandField.ExpectsResponse(field))
                {
                    Interlocked.Increment(ref _pendingResponses);
                }
            }

            try
            {
                // Waits only while the queue is full; the deadline (DIMSE timeout) bounds the wait.
                await _queue!.Writer.WriteAsync(queued, _deadline.Token).ConfigureAwait(false);
            }
            catch
            {
                queued.ReturnBuffer();
                throw;
            }
        }
    }

    /// <summary>
    /// A DIMSE response to a request we never sent (this SCP sends none): the peer has the roles or the
    /// conversation wrong. PS3.7 defines no answer to it, so the DIMSE user ends the association as dcmtk's SCPs
    /// do: A-ABORT, source service user.
    /// </summary>
    private async ValueTask AbortUnsolicitedResponseAsync(ushort field)
    {
        _log.LogWarning("{Association}: unsolicited DIMSE response 0x{CommandField:X4} (no request of ours is outstanding), aborting", Name, field);
        _outcome = $"aborted: unsolicited DIMSE response 0x{field:X4}";
        Fire(Evt15);
        _dimseAbort.Cancel();
        await SendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
    }

    private async ValueTask OnInvalidPduAsync(DicomNetworkProtocolException e)
    {
        UpperLayerAction action = Fire(Evt19);
        _log.LogWarning("{Association}: protocol error, A-ABORT reason {Reason}: {Message}", Name, (byte)e.Reason, e.Message);
        _outcome = $"aborted: protocol error ({e.Message})";
        await PerformAbortActionAsync(action, AbortSource.ServiceProvider, e.Reason).ConfigureAwait(false);
    }

    /// <summary>A well-formed PDU that the table does not expect in the current state.</summary>
    private async ValueTask ActOnUnexpectedAsync(UpperLayerEvent e, PduType type, UpperLayerAction? alreadyFired = null)
    {
        UpperLayerAction action = alreadyFired ?? Fire(e);
        if (action is AA1 or AA8)
        {
            _log.LogWarning("{Association}: unexpected {Pdu} PDU, aborting", Name, type);
            _outcome = $"aborted: unexpected {type} PDU";
        }

        await PerformAbortActionAsync(action, AbortSource.ServiceProvider, AbortReason.UnexpectedPdu).ConfigureAwait(false);
    }

    private async ValueTask PerformAbortActionAsync(UpperLayerAction action, AbortSource source, AbortReason reason)
    {
        switch (action)
        {
            case AA1 or AA7 or AA8:
                _dimseAbort.Cancel();
                await SendAbortAsync(source, reason).ConfigureAwait(false);
                break;
            case AA6:
                break;
            default:
                _dimseAbort.Cancel();
                break;
        }
    }

    private async ValueTask OnDeadlineAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            _outcome = "aborted: the listener is stopping";
            if (State is >= Sta3 and <= Sta12)
            {
                Fire(Evt15);
                _dimseAbort.Cancel();
                await SendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
            }

            ForceClosed();
            return;
        }

        UpperLayerState state = State;
        if (state is Sta2 or Sta13)
        {
            Fire(Evt18);
            if (state == Sta2)
            {
                _outcome = "closed: no A-ASSOCIATE-RQ before the ARTIM timer expired";
            }

            return;
        }

        string which = _assembler?.InMessage == true || Volatile.Read(ref _pendingResponses) > 0 ? "DIMSE" : "idle";
        _outcome = $"aborted: {which} timeout";
        _log.LogWarning("{Association}: {Which} timeout, aborting", Name, which);
        Fire(Evt15);
        _dimseAbort.Cancel();
        await SendAbortAsync(AbortSource.ServiceUser, AbortReason.NotSpecified).ConfigureAwait(false);
        ArmDeadline();
    }

    private async ValueTask SendAbortAsync(AbortSource source, AbortReason reason)
    {
        _abortSent = true;
        try
        {
            using var quick = new CancellationTokenSource(_options.AcseTimeout);
            await _connection.SendAsync(new AbortPdu(source, reason), _options.AcseTimeout, quick.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The peer may be gone already; the connection closes either way.
        }

        ArmDeadline();
    }

    private void TransportClosed(string why)
    {
        UpperLayerState before = State;
        if (before == Sta1)
        {
            return;
        }

        UpperLayerAction action = Fire(Evt17);
        if (action == AA4)
        {
            _dimseAbort.Cancel();
            if (before is Sta6 or Sta8)
            {
                _outcome = $"aborted: {why}";
                _log.LogWarning("{Association}: {Why} without releasing the association", Name, why);
            }
        }
        else if (before == Sta2)
        {
            _outcome = $"closed before any A-ASSOCIATE-RQ ({why})";
        }
        else if (_outcome == "closed")
        {
            _outcome = "released";
        }
    }

    private void ForceClosed()
    {
        lock (_gate)
        {
            while (_machine.State != Sta1)
            {
                FireLocked(_machine.State is Sta2 or Sta13 ? Evt18 : Evt17);
            }
        }
    }

    async ValueTask IDimseResponder.SendResponseAsync(byte contextId, DicomCommand response, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_machine.State is not (Sta6 or Sta8))
            {
                return;
            }

            FireLocked(Evt9);
        }

        int maxPdu = _info!.PeerMaxPduLength == 0 ? _options.MaxPduLength : (int)Math.Min(_info.PeerMaxPduLength, (uint)_options.MaxPduLength);
        await _connection.SendMessageAsync(contextId, response.Encode(), null, maxPdu, _options.DimseTimeout, cancellationToken).ConfigureAwait(false);
        Interlocked.Decrement(ref _pendingResponses);
        ArmDeadline();
    }

    async ValueTask IDimseResponder.SendReleaseResponseAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_machine.State != Sta8)
            {
                return;
            }

            FireLocked(Evt14);
        }

        _outcome = "released";
        await _connection.SendAsync(ReleaseResponsePdu.Instance, _options.AcseTimeout, cancellationToken).ConfigureAwait(false);
        ArmDeadline();
    }

    private bool TryAcquireSlot()
    {
        lock (_gate)
        {
            _slotHeld = _slots.TryAcquire();
            return _slotHeld;
        }
    }

    private UpperLayerAction Fire(UpperLayerEvent e, bool acceptableToProvider = true)
    {
        UpperLayerAction action;
        lock (_gate)
        {
            action = FireLocked(e, acceptableToProvider);
        }

        ArmDeadline();
        return action;
    }

    /// <summary>
    /// Takes a transition with the gate held. The association slot is given back as soon as the association no
    /// longer exists (Sta13 or Sta1), not when the peer gets round to closing.
    /// </summary>
    private UpperLayerAction FireLocked(UpperLayerEvent e, bool acceptableToProvider = true)
    {
        UpperLayerAction action = _machine.Fire(e, acceptableToProvider);
        if (_slotHeld && _machine.State is Sta13 or Sta1)
        {
            _slotHeld = false;
            _slots.Release();
        }

        return action;
    }

    /// <summary>
    /// One deadline for the read loop, chosen by state: ARTIM in Sta2 and Sta13, the DIMSE timeout while a message
    /// is incomplete or a response is owed, the idle timeout otherwise. It is re-armed only between whole PDUs, so
    /// a peer that trickles bytes cannot keep an association alive.
    /// </summary>
    private void ArmDeadline()
    {
        lock (_gate)
        {
            TimeSpan timeout = _machine.State switch
            {
                Sta2 or Sta13 => _options.ArtimTimeout,
                _ when _assembler?.InMessage == true || Volatile.Read(ref _pendingResponses) > 0 => _options.DimseTimeout,
                _ => _options.IdleTimeout,
            };
            // CancelAfter on a live source just moves its timer. TryReset must not be used: it also drops every
            // registration on the token, including that of a ReadAsync already waiting on it, so a re-arm from the
            // DIMSE task (after a response) would leave the read loop with a deadline that never fires.
            if (_deadline.IsCancellationRequested)
            {
                _deadline.Dispose();
                _deadline = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            }

            _deadline.CancelAfter(timeout);
        }
    }

    private async Task CloseAsync()
    {
        ForceClosed();
        _dimseAbort.Cancel();
        _queue?.Writer.TryComplete();
        try
        {
            await _receiverTask.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // The association is over; the receiver has discarded its partial instance.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
        _deadline.Dispose();
        _dimseAbort.Dispose();
        if (_info is not null)
        {
            _log.LogInformation("{Association}: {Outcome}; {Stored} instances stored, {Failed} failed", Name, _outcome, _receiver?.Stored ?? 0, _receiver?.Failed ?? 0);
        }
        else
        {
            _log.LogInformation("{Connection}: {Outcome}", Name, _outcome);
        }
    }
}

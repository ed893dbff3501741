using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Dimse;
using ImageQuality.Dicom.Network.Pdus;
using ImageQuality.Dicom.Network.Pdus.Items;
using static ImageQuality.Dicom.Network.Association.UpperLayerAction;
using static ImageQuality.Dicom.Network.Association.UpperLayerEvent;
using static ImageQuality.Dicom.Network.Association.UpperLayerState;

namespace ImageQuality.Dicom.Network.Client;

/// <summary>
/// An association we requested (the requestor side of PS3.8 9.2): synchronous DIMSE, one operation at a time.
/// Requests go out as P-DATA-TF no longer than the peer accepts; data sets stream from their files.
/// </summary>
public sealed class DicomClientAssociation : IAsyncDisposable
{
    private readonly PduConnection _connection;
    private readonly DicomClientOptions _options;
    private readonly UpperLayerStateMachine _machine = new(isRequestor: true);
    private readonly PduReadLimits _limits;
    private ushort _nextMessageId = 1;

    private DicomClientAssociation(PduConnection connection, DicomClientOptions options)
    {
        _connection = connection;
        _options = options;
        _limits = new PduReadLimits((uint)options.MaxPduLength, 1 << 20);
    }

    public DicomAssociationInfo Info { get; private set; } = null!;

    public UpperLayerState State => _machine.State;

    /// <summary>Connects and negotiates; throws <see cref="DicomAssociationRejectedException"/> on A-ASSOCIATE-RJ.</summary>
    public static async Task<DicomClientAssociation> OpenAsync(string host, int port, IReadOnlyList<PresentationContextRequestItem> contexts, DicomClientOptions options, CancellationToken cancellationToken = default)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var machine = new UpperLayerStateMachine(isRequestor: true);
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(host, port, connectTimeout.Token).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Stream stream = new NetworkStream(socket, ownsSocket: true);
        var remote = socket.RemoteEndPoint as IPEndPoint;
        if (options.Tls is { } tls)
        {
            try
            {
                stream = await Tls.DicomTlsClient.AuthenticateAsync(stream, host, tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await stream.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        var association = new DicomClientAssociation(new PduConnection(stream), options);
        try
        {
            await association.NegotiateAsync(contexts, remote, cancellationToken).ConfigureAwait(false);
            return association;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<DicomStatus> EchoAsync(CancellationToken cancellationToken = default)
    {
        byte contextId = FindContext(DicomUids.Verification, null)
            ?? throw new InvalidOperationException("No accepted presentation context for Verification");
        DicomCommand request = DicomCommand.CEchoRequest(_nextMessageId++);
        SendRequest();
        await _connection.SendMessageAsync(contextId, request.Encode(), null, SendPduLength, _options.DimseTimeout, cancellationToken).ConfigureAwait(false);
        DicomCommand response = await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Status;
    }

    /// <summary>Sends one file: as it is when a context for its syntax was accepted, else re-encoded in an accepted native syntax.</summary>
    public async Task<DicomStoreResult> StoreAsync(string path, CancellationToken cancellationToken = default) =>
        await StoreAsync(OutgoingInstance.Open(path), cancellationToken).ConfigureAwait(false);

    /// <summary>Sends A-RELEASE-RQ and waits for A-RELEASE-RP; the connection is then closed.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (_machine.State != Sta6)
        {
            return;
        }

        _machine.Fire(Evt11);
        await _connection.SendAsync(ReleaseRequestPdu.Instance, _options.AcseTimeout, cancellationToken).ConfigureAwait(false);
        while (_machine.State == Sta7)
        {
            Pdu pdu = await ReadPduAsync(_options.AcseTimeout, cancellationToken).ConfigureAwait(false);
            switch (pdu)
            {
                case ReleaseResponsePdu:
                    _machine.Fire(Evt13);
                    break;
                case PDataTransferPdu:
                    // AR-6: data still arriving while we wait is ignored by this synchronous SCU.
                    _machine.Fire(Evt10);
                    break;
                default:
                    await OnUnexpectedAsync(pdu, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Sends A-ABORT (service user) and closes.</summary>
    public async Task AbortAsync()
    {
        if (_machine.State is >= Sta3 and <= Sta12)
        {
            _machine.Fire(Evt15);
            try
            {
                await _connection.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified), _options.AcseTimeout, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing anyway.
            }
        }

        await CloseAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_machine.State == Sta6)
        {
            await AbortAsync().ConfigureAwait(false);
        }
        else
        {
            await CloseAsync().ConfigureAwait(false);
        }
    }

    internal async Task<DicomStoreResult> StoreAsync(OutgoingInstance file, CancellationToken cancellationToken)
    {
        ushort messageId = _nextMessageId++;
        DicomCommand request = DicomCommand.CStoreRequest(messageId, file.SopClassUid, file.SopInstanceUid);
        if (file.DataSetOffset >= 0 && FindContext(file.SopClassUid, file.TransferSyntax) is { } asIs)
        {
            SendRequest();
            await using FileStream data = file.OpenDataSet();
            await _connection.SendMessageAsync(asIs, request.Encode(), data, file.DataSetLength, SendPduLength, _options.DimseTimeout, cancellationToken).ConfigureAwait(false);
        }
        else if (file.CanBeReencoded && FindNativeContext(file.SopClassUid) is { } native)
        {
            byte[] data = file.Reencode(Info.AcceptedContexts[native].TransferSyntax);
            SendRequest();
            await _connection.SendMessageAsync(native, request.Encode(), data, SendPduLength, _options.DimseTimeout, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            return new DicomStoreResult(file.Path, file.SopInstanceUid, DicomStatus.SopClassNotSupported, $"No accepted presentation context for {file.SopClassUid} in {file.TransferSyntax.Uid}", Sent: false);
        }

        DicomCommand response = await ReceiveResponseAsync(request, cancellationToken).ConfigureAwait(false);
        return new DicomStoreResult(file.Path, file.SopInstanceUid, response.Status, response.ErrorComment, Sent: true);
    }

    private int SendPduLength => Info.PeerMaxPduLength == 0 ? _options.MaxPduLength : (int)Math.Min(Info.PeerMaxPduLength, int.MaxValue);

    private async Task NegotiateAsync(IReadOnlyList<PresentationContextRequestItem> contexts, IPEndPoint? remote, CancellationToken cancellationToken)
    {
        _machine.Fire(Evt1);
        _machine.Fire(Evt2);
        var rq = new AssociateRequestPdu
        {
            CalledAeTitle = _options.CalledAeTitle,
            CallingAeTitle = _options.CallingAeTitle,
            PresentationContexts = [.. contexts],
            UserInformation = new UserInformationItem
            {
                MaximumLength = (uint)_options.MaxPduLength,
                ImplementationClassUid = DicomImplementation.ClassUid,
                ImplementationVersionName = DicomImplementation.VersionName,
            },
        };
        await _connection.SendAsync(rq, _options.AcseTimeout, cancellationToken).ConfigureAwait(false);
        Pdu answer = await ReadPduAsync(_options.AcseTimeout, cancellationToken).ConfigureAwait(false);
        switch (answer)
        {
            case AssociateAcceptPdu ac:
                _machine.Fire(Evt3);
                var accepted = new Dictionary<byte, AcceptedPresentationContext>();
                foreach (PresentationContextAcceptItem item in ac.PresentationContexts)
                {
                    PresentationContextRequestItem? proposed = contexts.FirstOrDefault(c => c.Id == item.Id);
                    if (item.Result == PresentationContextResult.Acceptance && proposed is not null && item.TransferSyntax is { } ts)
                    {
                        accepted[item.Id] = new AcceptedPresentationContext(item.Id, proposed.AbstractSyntax, TransferSyntax.Lookup(ts));
                    }
                }

                Info = new DicomAssociationInfo
                {
                    Id = 0,
                    CallingAeTitle = _options.CallingAeTitle,
                    CalledAeTitle = _options.CalledAeTitle,
                    RemoteEndPoint = remote,
                    PeerMaxPduLength = ac.UserInformation.MaximumLength,
                    PeerImplementationClassUid = ac.UserInformation.ImplementationClassUid,
                    PeerImplementationVersionName = ac.UserInformation.ImplementationVersionName,
                    AcceptedContexts = accepted,
                };
                break;
            case AssociateRejectPdu rj:
                _machine.Fire(Evt4);
                throw new DicomAssociationRejectedException(rj);
            default:
                await OnUnexpectedAsync(answer, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private void SendRequest()
    {
        if (_machine.State != Sta6)
        {
            throw new InvalidOperationException($"The association is not established (state {_machine.State})");
        }

        _machine.Fire(Evt9);
    }

    private async Task<DicomCommand> ReceiveResponseAsync(DicomCommand request, CancellationToken cancellationToken)
    {
        var command = new ArrayBufferWriter<byte>(256);
        DicomCommand? response = null;
        bool dataFollows = false;
        while (response is null || dataFollows)
        {
            Pdu pdu = await ReadPduAsync(_options.DimseTimeout, cancellationToken).ConfigureAwait(false);
            if (pdu is not PDataTransferPdu data)
            {
                await OnUnexpectedAsync(pdu, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _machine.Fire(Evt10);
            foreach (PresentationDataValue pdv in data.Values)
            {
                if (pdv.IsCommand)
                {
                    foreach (ReadOnlyMemory<byte> segment in pdv.Data)
                    {
                        command.Write(segment.Span);
                    }

                    if (pdv.IsLastFragment)
                    {
                        response = DicomCommand.Decode(command.WrittenSpan);
                        dataFollows = response.HasDataSet;
                    }
                }
                else if (pdv.IsLastFragment)
                {
                    // A data set after a C-STORE or C-ECHO response is not ours to use; it is skipped.
                    dataFollows = false;
                }
            }
        }

        if (response.MessageIdBeingRespondedTo != request.MessageId || response.CommandField != (request.CommandField | DimseCommandField.ResponseBit))
        {
            await AbortAsync().ConfigureAwait(false);
            throw new DicomAssociationAbortedException($"Expected the response to message {request.MessageId}, got {response}");
        }

        return response;
    }

    /// <summary>Reads one whole PDU; a protocol error aborts (AA-8), an A-ABORT or a closed connection ends the association.</summary>
    private async Task<Pdu> ReadPduAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        PipeReader reader = _connection.Reader;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await AbortAsync().ConfigureAwait(false);
                throw new TimeoutException($"No answer from the peer within {timeout.TotalSeconds:0.#} s");
            }

            ReadOnlySequence<byte> buffer = result.Buffer;
            Pdu? pdu;
            try
            {
                if (!PduReader.TryRead(ref buffer, _limits, out pdu))
                {
                    pdu = null;
                }
                else
                {
                    // The client keeps a PDU past this read: its P-DATA values must not point into the pipe.
                    pdu = pdu is PDataTransferPdu p ? Detach(p) : pdu;
                }
            }
            catch (DicomNetworkProtocolException e)
            {
                reader.AdvanceTo(buffer.End);
                _machine.Fire(Evt19);
                await SendAbortQuietlyAsync(AbortSource.ServiceProvider, e.Reason).ConfigureAwait(false);
                await CloseAsync().ConfigureAwait(false);
                throw new DicomAssociationAbortedException($"Protocol error from the peer: {e.Message}");
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (pdu is AbortPdu abort)
            {
                _machine.Fire(Evt16);
                await CloseAsync().ConfigureAwait(false);
                throw new DicomAssociationAbortedException($"The peer aborted the association ({abort})", abort.Source, abort.Reason);
            }

            if (pdu is not null)
            {
                return pdu;
            }

            if (result.IsCompleted)
            {
                if (_machine.State != Sta1)
                {
                    _machine.Fire(Evt17);
                }

                await CloseAsync().ConfigureAwait(false);
                throw new DicomAssociationAbortedException("The peer closed the connection");
            }
        }
    }

    private static PDataTransferPdu Detach(PDataTransferPdu p)
    {
        var values = new PresentationDataValue[p.Values.Count];
        for (int i = 0; i < values.Length; i++)
        {
            PresentationDataValue v = p.Values[i];
            values[i] = new PresentationDataValue(v.PresentationContextId, v.IsCommand, v.IsLastFragment, v.Data.ToArray());
        }

        return new PDataTransferPdu(values);
    }

    private async Task OnUnexpectedAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        UpperLayerEvent e = pdu switch
        {
            AssociateRequestPdu => Evt6,
            AssociateAcceptPdu => Evt3,
            AssociateRejectPdu => Evt4,
            PDataTransferPdu => Evt10,
            ReleaseRequestPdu => Evt12,
            _ => Evt13,
        };
        UpperLayerAction action = _machine.Fire(e);
        if (action is AA1 or AA7 or AA8)
        {
            await SendAbortQuietlyAsync(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu).ConfigureAwait(false);
        }

        await CloseAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        throw new DicomAssociationAbortedException($"Unexpected {pdu.Type} PDU from the peer");
    }

    private async Task SendAbortQuietlyAsync(AbortSource source, AbortReason reason)
    {
        try
        {
            await _connection.SendAsync(new AbortPdu(source, reason), _options.AcseTimeout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection closes either way.
        }
    }

    private byte? FindContext(string sopClass, TransferSyntax? syntax)
    {
        foreach (AcceptedPresentationContext c in Info.AcceptedContexts.Values)
        {
            if (c.AbstractSyntax == sopClass && (syntax is null || c.TransferSyntax.Equals(syntax)))
            {
                return c.Id;
            }
        }

        return null;
    }

    private byte? FindNativeContext(string sopClass) =>
        FindContext(sopClass, TransferSyntax.ExplicitVRLittleEndian) ?? FindContext(sopClass, TransferSyntax.ImplicitVRLittleEndian);

    private async Task CloseAsync()
    {
        while (_machine.State is not Sta1)
        {
            _machine.Fire(_machine.State is Sta2 or Sta13 ? Evt18 : Evt17);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}

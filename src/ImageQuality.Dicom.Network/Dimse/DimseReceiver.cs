using System.Threading.Channels;
using ImageQuality.Dicom.Network.Association;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// The DIMSE service provider of an accepted association (C-ECHO SCP, C-STORE SCP): takes whole commands and data
/// set fragments from the queue, streams each data set into its store target, and answers each request. Runs on
/// its own task, so storage that is slow never stops the network reader from seeing an A-ABORT.
/// </summary>
internal sealed class DimseReceiver
{
    private readonly DicomAssociationInfo _association;
    private readonly IDicomStoreHandler _store;
    private readonly IDimseResponder _responder;
    private readonly ILogger _log;

    private DicomCommand? _request;
    private AcceptedPresentationContext? _context;
    private IStoreTarget? _target;
    private StoreOutcome? _immediateOutcome;

    public DimseReceiver(DicomAssociationInfo association, IDicomStoreHandler store, IDimseResponder responder, ILogger log)
    {
        _association = association;
        _store = store;
        _responder = responder;
        _log = log;
    }

    public int Stored { get; private set; }

    public int Failed { get; private set; }

    /// <summary>Runs until the peer's release has been answered, the queue ends, or <paramref name="abort"/> (A-P-ABORT indication).</summary>
    public async Task RunAsync(ChannelReader<DimseQueueItem> queue, CancellationToken abort)
    {
        try
        {
            while (await queue.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                while (queue.TryRead(out DimseQueueItem item))
                {
                    try
                    {
                        switch (item.Kind)
                        {
                            case DimseQueueItemKind.Command:
                                await OnCommandAsync(item.Command!, item.Context!, abort).ConfigureAwait(false);
                                break;
                            case DimseQueueItemKind.Data:
                                await OnDataAsync(item, abort).ConfigureAwait(false);
                                break;
                            default:
                                await _responder.SendReleaseResponseAsync(abort).ConfigureAwait(false);
                                return;
                        }
                    }
                    finally
                    {
                        item.ReturnBuffer();
                    }
                }
            }
        }
        finally
        {
            // An instance not completed is discarded by its target; queued buffers go back to the pool.
            await DiscardTargetAsync().ConfigureAwait(false);
            while (queue.TryRead(out DimseQueueItem rest))
            {
                rest.ReturnBuffer();
            }
        }
    }

    private async ValueTask OnCommandAsync(DicomCommand command, AcceptedPresentationContext context, CancellationToken abort)
    {
        _request = command;
        _context = context;
        _immediateOutcome = null;
        switch (command.CommandField)
        {
            case DimseCommandField.CEchoRequest:
                _immediateOutcome = new StoreOutcome(DicomStatus.Success);
                break;
            case DimseCommandField.CStoreRequest:
                await BeginStoreAsync(command, context, abort).ConfigureAwait(false);
                break;
            case DimseCommandField.CCancelRequest:
                // C-CANCEL has no response (PS3.7 9.3.2.3). It cancels a C-FIND, C-GET or C-MOVE, which this SCP
                // does not perform, and each C-STORE or C-ECHO is answered before the next command is taken:
                // there is never anything to cancel, so it is noted and otherwise ignored.
                _log.LogInformation("{Association}: C-CANCEL-RQ for message {MessageId} ignored: no cancellable operation is outstanding", _association, command.MessageIdBeingRespondedTo);
                break;
            default:
                // A request of a service we do not provide, on a context we accepted: answered with 0x0211
                // Unrecognized Operation (PS3.7 Annex C), the association goes on. (Responses never get here: an
                // unsolicited response aborts the association in the acceptor.)
                _log.LogWarning("{Association}: DIMSE command 0x{CommandField:X4} (message {MessageId}) is not supported, answered 0x0211", _association, command.CommandField, command.MessageId);
                _immediateOutcome = new StoreOutcome(DicomStatus.UnrecognizedOperation, $"Command 0x{command.CommandField:X4} is not supported");
                break;
        }

        if (!command.HasDataSet)
        {
            await FinishAsync(abort).ConfigureAwait(false);
        }
    }

    private async ValueTask BeginStoreAsync(DicomCommand command, AcceptedPresentationContext context, CancellationToken abort)
    {
        string? sopClass = command.AffectedSopClassUid;
        string? sopInstance = command.AffectedSopInstanceUid;
        if (!command.HasDataSet || string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance))
        {
            _immediateOutcome = new StoreOutcome(DicomStatus.MistypedArgument, "C-STORE-RQ without data set or affected SOP UIDs");
            return;
        }

        if (sopClass != context.AbstractSyntax)
        {
            _immediateOutcome = new StoreOutcome(DicomStatus.SopClassNotSupported, "SOP class differs from the presentation context");
            return;
        }

        var request = new StoreRequest
        {
            SopClassUid = sopClass,
            SopInstanceUid = sopInstance,
            MessageId = command.MessageId,
            Priority = command.Dataset.TryGetUInt16(DicomTag.Priority, out ushort p) ? (DimsePriority)p : DimsePriority.Medium,
            TransferSyntax = context.TransferSyntax,
            Association = _association,
            MoveOriginatorAeTitle = command.Dataset.GetString(DicomTag.MoveOriginatorApplicationEntityTitle),
            MoveOriginatorMessageId = command.Dataset.TryGetUInt16(DicomTag.MoveOriginatorMessageID, out ushort m) ? m : null,
        };
        try
        {
            _target = await _store.BeginAsync(request, abort).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _immediateOutcome = Failure(e);
        }
    }

    private async ValueTask OnDataAsync(DimseQueueItem item, CancellationToken abort)
    {
        if (_target is not null && item.Length > 0)
        {
            try
            {
                await _target.WriteAsync(item.Data, abort).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Keep reading the rest of the data set, discarding it: the response reports the failure.
                _immediateOutcome = Failure(e);
                await DiscardTargetAsync().ConfigureAwait(false);
            }
        }

        if (item.IsLast)
        {
            await FinishAsync(abort).ConfigureAwait(false);
        }
    }

    private async ValueTask FinishAsync(CancellationToken abort)
    {
        DicomCommand request = _request!;
        StoreOutcome? outcome = _immediateOutcome;
        if (_target is { } target)
        {
            try
            {
                outcome = await target.CompleteAsync(abort).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcome = Failure(e);
            }
            finally
            {
                _target = null;
                await target.DisposeAsync().ConfigureAwait(false);
            }

            if (outcome.Value.Status.IsFailure)
            {
                Failed++;
            }
            else
            {
                Stored++;
            }
        }

        if (outcome is { } answer)
        {
            await _responder.SendResponseAsync(_context!.Id, DicomCommand.Response(request, answer.Status, answer.ErrorComment), abort).ConfigureAwait(false);
        }

        _request = null;
        _immediateOutcome = null;
    }

    private StoreOutcome Failure(Exception e)
    {
        // The log gets the exception; the peer gets a status and a comment without paths or patient data.
        _log.LogError(e, "{Association}: storing an instance failed", _association);
        return e is IOException
            ? new StoreOutcome(DicomStatus.OutOfResources, "Storage failed: I/O error")
            : new StoreOutcome(DicomStatus.ProcessingFailure, "Storage failed");
    }

    private async ValueTask DiscardTargetAsync()
    {
        if (_target is { } target)
        {
            _target = null;
            try
            {
                await target.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "{Association}: discarding a partial instance failed", _association);
            }
        }
    }
}

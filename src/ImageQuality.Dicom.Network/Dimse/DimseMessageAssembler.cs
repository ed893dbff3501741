using System.Buffers;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// Puts DIMSE messages together from PDVs on the reader's side (PS3.7 6.3.1, PS3.8 Annex E): command fragments
/// are collected (a command set is small and bounded), data set fragments are passed on as they come. A message is
/// its command, then its data set, on one accepted presentation context; fragments of different messages never
/// interleave. Any other order is a protocol error, found here, before anything is queued.
/// </summary>
internal sealed class DimseMessageAssembler
{
    private readonly IReadOnlyDictionary<byte, AcceptedPresentationContext> _contexts;
    private readonly int _maxCommandLength;
    private readonly ArrayBufferWriter<byte> _command = new(256);
    private bool _inCommand;
    private bool _expectData;
    private byte _contextId;

    public DimseMessageAssembler(IReadOnlyDictionary<byte, AcceptedPresentationContext> contexts, int maxCommandLength)
    {
        _contexts = contexts;
        _maxCommandLength = maxCommandLength;
    }

    /// <summary>Whether a message has begun and is not yet whole.</summary>
    public bool InMessage => _inCommand || _expectData;

    /// <summary>The item to queue for this PDV, or null while a command is still being collected.</summary>
    public DimseQueueItem? Accept(in PresentationDataValue pdv)
    {
        if (!_contexts.TryGetValue(pdv.PresentationContextId, out AcceptedPresentationContext? context))
        {
            throw new DicomNetworkProtocolException(AbortReason.InvalidPduParameterValue, $"PDV on presentation context {pdv.PresentationContextId}, which was not accepted");
        }

        if (InMessage && pdv.PresentationContextId != _contextId)
        {
            throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, $"PDV on context {pdv.PresentationContextId} in the middle of a message on context {_contextId}");
        }

        return pdv.IsCommand ? AcceptCommand(pdv, context) : AcceptData(pdv);
    }

    private DimseQueueItem? AcceptCommand(in PresentationDataValue pdv, AcceptedPresentationContext context)
    {
        if (_expectData)
        {
            throw new DicomNetworkProtocolException(AbortReason.UnexpectedPduParameter, "A command fragment arrived where the data set of the previous command was expected");
        }

        if (_command.WrittenCount + pdv.Data.Length > _maxCommandLength)
        {
            throw new DicomNetworkProtocolException(AbortReason.InvalidPduParameterValue, $"Command set longer than {_maxCommandLength} bytes");
        }

        _inCommand = true;
        _contextId = pdv.PresentationContextId;
        foreach (ReadOnlyMemory<byte> segment in pdv.Data)
        {
            _command.Write(segment.Span);
        }

        if (!pdv.IsLastFragment)
        {
            return null;
        }

        DicomCommand command = DicomCommand.Decode(_command.WrittenSpan);
        _command.Clear();
        _inCommand = false;
        _expectData = command.HasDataSet;
        return DimseQueueItem.ForCommand(command, context);
    }

    private DimseQueueItem AcceptData(in PresentationDataValue pdv)
    {
        if (!_expectData)
        {
            throw new DicomNetworkProtocolException(
                AbortReason.UnexpectedPduParameter,
                _inCommand ? "A data set fragment arrived before the last command fragment" : "A data set fragment arrived without a command announcing one");
        }

        int length = (int)pdv.Data.Length;
        byte[]? buffer = null;
        if (length > 0)
        {
            buffer = ArrayPool<byte>.Shared.Rent(length);
            pdv.Data.CopyTo(buffer);
        }

        if (pdv.IsLastFragment)
        {
            _expectData = false;
        }

        return DimseQueueItem.ForData(buffer, length, pdv.IsLastFragment);
    }
}

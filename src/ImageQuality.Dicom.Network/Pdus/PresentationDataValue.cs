using System.Buffers;

namespace ImageQuality.Dicom.Network.Pdus;

/// <summary>
/// One Presentation Data Value item of a P-DATA-TF (PS3.8 9.3.5.1, Annex E): context ID, message control header
/// and a fragment of a command or data set. A PDV read by <see cref="PduReader"/> refers to the reader's buffer
/// and is valid only until that buffer is released.
/// </summary>
public readonly struct PresentationDataValue
{
    /// <summary>Item length (4) + context ID (1) + message control header (1).</summary>
    public const int HeaderLength = 6;

    public PresentationDataValue(byte presentationContextId, bool isCommand, bool isLastFragment, ReadOnlySequence<byte> data)
    {
        PresentationContextId = presentationContextId;
        MessageControlHeader = (byte)((isCommand ? 1 : 0) | (isLastFragment ? 2 : 0));
        Data = data;
    }

    public PresentationDataValue(byte presentationContextId, bool isCommand, bool isLastFragment, ReadOnlyMemory<byte> data)
        : this(presentationContextId, isCommand, isLastFragment, new ReadOnlySequence<byte>(data))
    {
    }

    internal PresentationDataValue(byte presentationContextId, byte messageControlHeader, ReadOnlySequence<byte> data)
    {
        PresentationContextId = presentationContextId;
        MessageControlHeader = messageControlHeader;
        Data = data;
    }

    public byte PresentationContextId { get; }

    /// <summary>Bit 0: command (1) or data set (0); bit 1: last fragment. Other bits are not tested (PS3.8 E.2).</summary>
    public byte MessageControlHeader { get; }

    public bool IsCommand => (MessageControlHeader & 1) != 0;

    public bool IsLastFragment => (MessageControlHeader & 2) != 0;

    public ReadOnlySequence<byte> Data { get; }

    internal int EncodedLength => HeaderLength + (int)Data.Length;
}

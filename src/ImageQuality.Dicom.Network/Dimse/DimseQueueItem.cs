using System.Buffers;
using ImageQuality.Dicom.Network.Association;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>
/// What the network reader hands to the DIMSE task, in arrival order: a whole command, a data set fragment
/// (a pooled buffer the receiver gives back), or the peer's release request.
/// </summary>
internal readonly struct DimseQueueItem
{
    private DimseQueueItem(DimseQueueItemKind kind, DicomCommand? command, AcceptedPresentationContext? context, byte[]? buffer, int length, bool isLast)
    {
        Kind = kind;
        Command = command;
        Context = context;
        Buffer = buffer;
        Length = length;
        IsLast = isLast;
    }

    public DimseQueueItemKind Kind { get; }

    public DicomCommand? Command { get; }

    public AcceptedPresentationContext? Context { get; }

    /// <summary>Rented from <see cref="ArrayPool{T}.Shared"/>; null for an empty fragment.</summary>
    public byte[]? Buffer { get; }

    public int Length { get; }

    public bool IsLast { get; }

    public ReadOnlyMemory<byte> Data => Buffer is null ? ReadOnlyMemory<byte>.Empty : Buffer.AsMemory(0, Length);

    public static DimseQueueItem ForCommand(DicomCommand command, AcceptedPresentationContext context) =>
        new(DimseQueueItemKind.Command, command, context, null, 0, true);

    public static DimseQueueItem ForData(byte[]? buffer, int length, bool isLast) =>
        new(DimseQueueItemKind.Data, null, null, buffer, length, isLast);

    public static DimseQueueItem ForRelease() => new(DimseQueueItemKind.ReleaseRequested, null, null, null, 0, true);

    public void ReturnBuffer()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

internal enum DimseQueueItemKind
{
    Command,
    Data,
    ReleaseRequested,
}

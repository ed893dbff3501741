using ImageQuality.Dicom.Network.Association;

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>A C-STORE request as it starts: the command's fields, the syntax its data set arrives in, and the association.</summary>
public sealed class StoreRequest
{
    public required string SopClassUid { get; init; }

    public required string SopInstanceUid { get; init; }

    public required ushort MessageId { get; init; }

    public DimsePriority Priority { get; init; }

    /// <summary>The negotiated transfer syntax of the presentation context: the data set bytes are in it, as they will be in the Part 10 file.</summary>
    public required TransferSyntax TransferSyntax { get; init; }

    public required DicomAssociationInfo Association { get; init; }

    /// <summary>Set when the store is a sub-operation of a C-MOVE (PS3.7 9.1.1.1).</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    public ushort? MoveOriginatorMessageId { get; init; }
}

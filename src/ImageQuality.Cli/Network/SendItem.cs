using ImageQuality.Dicom;

namespace ImageQuality.Cli.Network;

/// <summary>A DICOM file found for sending: what it is, in which syntax, and how big.</summary>
internal sealed record SendItem(string Path, string SopClassUid, string SopInstanceUid, TransferSyntax TransferSyntax, long Bytes);

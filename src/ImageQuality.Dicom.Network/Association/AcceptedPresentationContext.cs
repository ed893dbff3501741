namespace ImageQuality.Dicom.Network.Association;

/// <summary>A presentation context both sides agreed on: its ID, the SOP class and the one transfer syntax.</summary>
public sealed record AcceptedPresentationContext(byte Id, string AbstractSyntax, TransferSyntax TransferSyntax);

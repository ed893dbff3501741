using ImageQuality.Dicom.Network.Dimse;

namespace ImageQuality.Cli.Network;

/// <summary>How one file went: the peer's C-STORE status (and error comment), or why it was never sent.</summary>
internal sealed record SendOutcome(SendItem Item, DicomStatus? Status, string? Comment, string? NotSentReason)
{
    public bool Succeeded => Status is { IsFailure: false } s && s.Category is DicomStatusCategory.Success or DicomStatusCategory.Warning;
}

namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>How the DIMSE task answers: through the association, which checks its state before sending.</summary>
internal interface IDimseResponder
{
    ValueTask SendResponseAsync(byte contextId, DicomCommand response, CancellationToken cancellationToken);

    /// <summary>All responses are out: answer the peer's A-RELEASE-RQ.</summary>
    ValueTask SendReleaseResponseAsync(CancellationToken cancellationToken);
}

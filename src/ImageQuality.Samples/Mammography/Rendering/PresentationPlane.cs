namespace ImageQuality.Samples.Mammography.Rendering;

/// <summary>
/// The for-presentation image on the working grid, before resampling to detector pixels: values on the stored
/// scale (MONOCHROME2 sense) and the quantum noise of one 70 µm pixel at each cell.
/// </summary>
internal sealed record PresentationPlane(WorkingGrid Grid, float[] Values, float[] NoiseSigma, double WindowCenter, double WindowWidth);

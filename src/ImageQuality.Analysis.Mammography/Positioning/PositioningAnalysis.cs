namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>Everything the positioning analysis found on one image: where the landmarks are and what they measure.</summary>
/// <param name="Method">"model" or "classical".</param>
/// <param name="ModelVersion">The landmark model's version, or null for the classical finder.</param>
/// <param name="OrientationSource">"header" (PatientOrientation) or "image".</param>
public sealed record PositioningAnalysis(
    string SopInstanceUid,
    string View,
    string Laterality,
    int Columns,
    int Rows,
    BreastPlaneSpacing Spacing,
    ImageLandmarks Landmarks,
    PositioningMeasures Measures,
    string Method,
    string? ModelVersion,
    string OrientationSource,
    double? CompressionForceNewtons);

using ImageQuality.Samples.Mammography.Truth;

namespace ImageQuality.Samples.Mammography;

/// <summary>
/// A generated mammogram: stored values row by row (in the stored orientation and photometric sense), what the header
/// needs to describe them, and the exact ground truth in the stored image's pixel positions.
/// </summary>
public sealed record SyntheticMammogram
{
    public required SyntheticMammogramSpec Spec { get; init; }

    /// <summary>Row-major, <see cref="Columns"/> x <see cref="Rows"/>.</summary>
    public required ushort[] Pixels { get; init; }

    public required int Columns { get; init; }

    public required int Rows { get; init; }

    /// <summary>PatientOrientation (0020,0020): the direction of increasing column, then of increasing row.</summary>
    public required IReadOnlyList<string> PatientOrientation { get; init; }

    public required double WindowCenter { get; init; }

    public required double WindowWidth { get; init; }

    public required MammogramGroundTruth Truth { get; init; }
}

using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.Headers;

/// <summary>
/// The header facts of one MR image plane: a classic image, or one frame of an Enhanced MR image with its functional
/// groups resolved. Every rule reads these rather than the data set, so that both encodings are judged alike.
/// Absent attributes are null.
/// </summary>
internal sealed record MrFrame
{
    public required InstanceContext Instance { get; init; }

    public required int FrameIndex { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public int? SeriesNumber { get; init; }

    public string? SeriesDescription { get; init; }

    public string? ProtocolName { get; init; }

    public string? Manufacturer { get; init; }

    /// <summary>ImageType (0008,0008) of the image, joined for enhanced frames by the frame's FrameType (0008,9007).</summary>
    public IReadOnlyList<string> ImageType { get; init; } = [];

    /// <summary>ScanningSequence (0018,0020) tokens: SE, IR, GR, EP, RM.</summary>
    public IReadOnlyList<string> ScanningSequence { get; init; } = [];

    /// <summary>SequenceVariant (0018,0021) tokens: SK, MTC, SS, TRSS, SP, MP, OSP, NONE.</summary>
    public IReadOnlyList<string> SequenceVariant { get; init; } = [];

    /// <summary>SequenceName (0018,0024) of classic images, PulseSequenceName (0018,9005) of enhanced ones.</summary>
    public string? SequenceName { get; init; }

    /// <summary>EchoPulseSequence (0018,9008) of enhanced images: SPIN, GRADIENT, BOTH.</summary>
    public string? EchoPulseSequence { get; init; }

    /// <summary>EchoPlanarPulseSequence (0018,9018) of enhanced images: YES or NO.</summary>
    public string? EchoPlanarPulseSequence { get; init; }

    /// <summary>AcquisitionContrast (0008,9209) of enhanced frames: T1, T2, DIFFUSION, …</summary>
    public string? AcquisitionContrast { get; init; }

    /// <summary>DiffusionDirectionality (0018,9075): ISOTROPIC, DIRECTIONAL, BMATRIX, NONE.</summary>
    public string? DiffusionDirectionality { get; init; }

    public BValueReading? BValue { get; init; }

    /// <summary>EchoTime (0018,0081), or EffectiveEchoTime (0018,9082) of an enhanced frame, in ms.</summary>
    public double? EchoTime { get; init; }

    /// <summary>RepetitionTime (0018,0080) in ms.</summary>
    public double? RepetitionTime { get; init; }

    public double? FlipAngle { get; init; }

    public double? MagneticFieldStrength { get; init; }

    public PlaneOrientation? Orientation { get; init; }

    public IReadOnlyList<double>? ImagePositionPatient { get; init; }

    public double? SliceThickness { get; init; }

    public double? SpacingBetweenSlices { get; init; }

    /// <summary>PixelSpacing (0028,0030): row spacing (between rows, vertical), then column spacing (horizontal), mm.</summary>
    public IReadOnlyList<double>? PixelSpacing { get; init; }

    public int? Rows { get; init; }

    public int? Columns { get; init; }

    /// <summary>Acquired frequency-encoding steps: from AcquisitionMatrix (0018,1310) or MRAcquisitionFrequencyEncodingSteps (0018,9058).</summary>
    public int? FrequencyEncodingSteps { get; init; }

    /// <summary>Acquired in-plane phase-encoding steps: from AcquisitionMatrix or MRAcquisitionPhaseEncodingStepsInPlane (0018,9231).</summary>
    public int? PhaseEncodingSteps { get; init; }

    /// <summary>InPlanePhaseEncodingDirection (0018,1312): ROW or COL.</summary>
    public string? InPlanePhaseEncodingDirection { get; init; }

    /// <summary>When the plane was acquired: AcquisitionDateTime, FrameAcquisitionDateTime, or AcquisitionDate + AcquisitionTime.</summary>
    public DateTime? AcquisitionDateTime { get; init; }

    /// <summary>TriggerTime (0018,1060) in ms: some vendors give one acquisition time to every phase and tell them apart by this.</summary>
    public double? TriggerTime { get; init; }

    /// <summary>TemporalPositionIdentifier (0020,0100), or TemporalPositionIndex (0020,9128) of an enhanced frame.</summary>
    public int? TemporalPosition { get; init; }

    /// <summary>A contrast agent is named (ContrastBolusAgent, its code sequence, or an enhanced frame's usage sequence).</summary>
    public bool ContrastAgent { get; init; }

    /// <summary>Position of the plane along its normal, mm; null without position or orientation.</summary>
    public double? Location => Orientation is { } o && ImagePositionPatient is { Count: 3 } p ? o.Along(p) : null;
}

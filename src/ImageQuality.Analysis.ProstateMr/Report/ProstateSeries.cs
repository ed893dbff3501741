using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.Report;

/// <summary>One series of a prostate MR study as identified and measured from its headers.</summary>
public sealed record ProstateSeries
{
    public required string SeriesInstanceUid { get; init; }

    public int? SeriesNumber { get; init; }

    public string? SeriesDescription { get; init; }

    public required SeriesType SeriesType { get; init; }

    /// <summary>The plane of most of its images; null without ImageOrientationPatient.</summary>
    public ImagePlane? Plane { get; init; }

    /// <summary>Angle of the slice normal to the plane's axis, degrees.</summary>
    public double? ObliquityDegrees { get; init; }

    /// <summary>Distinct b-values its images hold (s/mm², ascending); empty for non-diffusion series.</summary>
    public IReadOnlyList<double> BValues { get; init; } = [];

    /// <summary>The elements the b-values were read from.</summary>
    public IReadOnlyList<BValueSource> BValueSources { get; init; } = [];

    /// <summary>How sure the identification rules are, 0–1.</summary>
    public required double Confidence { get; init; }

    /// <summary>The header facts that decided the type.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public int Instances { get; init; }

    public int Frames { get; init; }

    /// <summary>Measured parameters; a parameter the headers do not give is absent.</summary>
    public IReadOnlyDictionary<ProtocolParameter, double> Parameters { get; init; } = new Dictionary<ProtocolParameter, double>();

    /// <summary>For DCE stored one series per time point: this series' time point, 1-based; null otherwise.</summary>
    public int? TimePoint { get; init; }

    /// <summary>For DCE: the series numbers of every series of the same dynamic acquisition, in time order.</summary>
    public IReadOnlyList<int?> DynamicSeriesNumbers { get; init; } = [];

    /// <summary>The first image of the series, for findings that point at an image.</summary>
    public string? FirstSopInstanceUid { get; init; }

    /// <summary>Whether rules judge this series (every series except the later time points of a split dynamic acquisition).</summary>
    public bool IsJudged => TimePoint is null or 1;
}

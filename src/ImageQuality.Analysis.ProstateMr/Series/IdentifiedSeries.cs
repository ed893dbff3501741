using ImageQuality.Analysis.ProstateMr.Headers;

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>A series of the study with its frames, the facts gathered from them and what the rules made of it.</summary>
internal sealed class IdentifiedSeries
{
    public IdentifiedSeries(SeriesEvidence evidence, SeriesClassification classification)
    {
        Evidence = evidence;
        Classification = classification;
    }

    public SeriesEvidence Evidence { get; }

    public SeriesClassification Classification { get; set; }

    /// <summary>The dynamic acquisition this series is (part of), for DCE.</summary>
    public DynamicAcquisition? Dynamic { get; set; }

    public IReadOnlyList<MrFrame> Frames => Evidence.Frames;

    public string SeriesInstanceUid => Frames[0].SeriesInstanceUid;

    public int? SeriesNumber => Frames[0].SeriesNumber;

    public SeriesType Type => Classification.Type;

    /// <summary>When the series began: its earliest acquisition time, for ordering time points.</summary>
    public DateTime? FirstAcquired => Frames.Select(f => f.AcquisitionDateTime).Min();
}

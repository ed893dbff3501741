using ImageQuality.Analysis.ProstateMr.Headers;
using ImageQuality.Analysis.ProstateMr.Parameters;

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>
/// One DCE acquisition: a single series holding every time point, or several series, one per time point, as some
/// vendors store them. Its timing is measured over all members together.
/// </summary>
internal sealed class DynamicAcquisition
{
    public DynamicAcquisition(IReadOnlyList<IdentifiedSeries> members)
    {
        Members = members;
        Timing = DynamicTiming.Of(members.SelectMany(m => m.Frames));
    }

    /// <summary>Member series in acquisition order.</summary>
    public IReadOnlyList<IdentifiedSeries> Members { get; }

    public DynamicTiming Timing { get; }

    public IEnumerable<MrFrame> Frames => Members.SelectMany(m => m.Frames);

    /// <summary>The member findings point at: the first time point.</summary>
    public IdentifiedSeries Lead => Members[0];
}

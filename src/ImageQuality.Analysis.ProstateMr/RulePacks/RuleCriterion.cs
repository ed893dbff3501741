using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.RulePacks;

/// <summary>One criterion of a rule pack as the JSON file states it.</summary>
public sealed record RuleCriterion
{
    /// <summary>Stable id ("pirads.t2w.slice-thickness"): findings and scorecards carry it.</summary>
    public required string Id { get; init; }

    public required RuleCheck Check { get; init; }

    /// <summary>The series type it judges, as the report spells it ("T2W", "DWI", "DCE"); none for study-wide parameters.</summary>
    public string? SeriesType { get; init; }

    /// <summary>Only series in this plane (e.g. the axial T2W), when given.</summary>
    public ImagePlane? Plane { get; init; }

    public ProtocolParameter? Parameter { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>The value must exceed <see cref="Min"/> ("TR &gt; 3000 ms").</summary>
    public bool MinExclusive { get; init; }

    /// <summary>The value must stay under <see cref="Max"/> ("TE &lt; 5 ms").</summary>
    public bool MaxExclusive { get; init; }

    public IReadOnlyList<ImagePlane> RequiredPlanes { get; init; } = [];

    /// <summary>At least one of these planes must be present too.</summary>
    public IReadOnlyList<ImagePlane> AnyOfPlanes { get; init; } = [];

    /// <summary>For b-value checks: a calculated (computed) b-value counts.</summary>
    public bool IncludeCalculated { get; init; }

    /// <summary>Overrides the pack's tolerance for this criterion.</summary>
    public double? Tolerance { get; init; }

    /// <summary>For people reading the pack; not used by the rules.</summary>
    public string? Description { get; init; }

    /// <summary>The parsed <see cref="SeriesType"/>; null for study-wide criteria.</summary>
    public SeriesType? Type => SeriesType is { } code && SeriesTypes.TryParse(code, out SeriesType t) ? t : null;
}

using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.RulePacks;

/// <summary>
/// Applies a rule pack to the identified, measured series of a study. A criterion that cannot be judged (no series
/// of its type, a header without the value) is not assessable and says why: it never passes silently.
/// </summary>
internal static class RulePackEvaluator
{
    public static List<ProtocolFinding> Evaluate(RulePack pack, IReadOnlyList<ProstateSeries> series)
    {
        var findings = new List<ProtocolFinding>();
        foreach (RuleCriterion c in pack.Criteria)
        {
            double tolerance = c.Tolerance ?? pack.Tolerance;
            switch (c.Check)
            {
                case RuleCheck.Parameter:
                    findings.AddRange(Parameter(c, series, tolerance));
                    break;
                case RuleCheck.Planes:
                    findings.Add(Planes(c, series));
                    break;
                case RuleCheck.Present:
                    findings.Add(Present(c, series));
                    break;
                case RuleCheck.BValue:
                    findings.Add(BValue(c, series, tolerance));
                    break;
            }
        }

        return findings;
    }

    private static IEnumerable<ProtocolFinding> Parameter(RuleCriterion c, IReadOnlyList<ProstateSeries> series, double tolerance)
    {
        ProtocolParameter p = c.Parameter!.Value;
        string unit = p.Unit();
        string limit = LimitText.Of(c, unit);
        if (c.Type is null)
        {
            // A study-wide parameter (field strength) is read from the first judged series that gives it.
            ProstateSeries? source = series.FirstOrDefault(s => s.IsJudged && s.SeriesType != SeriesType.Localizer && s.Parameters.ContainsKey(p));
            yield return source is null
                ? new ProtocolFinding(new Finding(c.Id, FindingOutcome.NotAssessable, $"No series header gives the {p.Words()}", Unit: unit, Threshold: limit), null, null)
                : Judge(c, source, p, limit, tolerance);
            yield break;
        }

        List<ProstateSeries> targets = [.. series.Where(s => s.SeriesType == c.Type && s.IsJudged && (c.Plane is null || s.Plane == c.Plane))];
        if (targets.Count == 0)
        {
            string what = c.Plane is { } plane ? $"{c.Type.Value.Code()} {plane.ToString().ToLowerInvariant()}" : c.Type.Value.Code();
            yield return new ProtocolFinding(new Finding(c.Id, FindingOutcome.NotAssessable, $"No {what} series to judge the {p.Words()} on", Unit: unit, Threshold: limit), null, null);
            yield break;
        }

        foreach (ProstateSeries s in targets)
        {
            yield return s.Parameters.ContainsKey(p)
                ? Judge(c, s, p, limit, tolerance)
                : Found(c, s, FindingOutcome.NotAssessable, $"{Label(s)}: the header does not give the {p.Words()}", null, unit, limit);
        }
    }

    private static ProtocolFinding Judge(RuleCriterion c, ProstateSeries s, ProtocolParameter p, string limit, double tolerance)
    {
        double value = s.Parameters[p];
        bool meets = LimitText.Meets(c, value, tolerance);
        string message = $"{Label(s)}: {p.Words()} {LimitText.Number(value)} {p.Unit()} {(meets ? "meets" : "fails")} {limit}";
        return Found(c, s, meets ? FindingOutcome.Pass : FindingOutcome.Fail, message, value, p.Unit(), limit);
    }

    private static ProtocolFinding Planes(RuleCriterion c, IReadOnlyList<ProstateSeries> series)
    {
        SeriesType type = c.Type!.Value;
        List<ProstateSeries> of = [.. series.Where(s => s.SeriesType == type && s.Plane is not null)];
        if (of.Count == 0 && series.FirstOrDefault(s => s.SeriesType == type) is { } unoriented)
        {
            return Found(c, unoriented, FindingOutcome.NotAssessable, $"{type.Code()} series without ImageOrientationPatient: planes unknown", null, "{planes}", PlanesLimit(c));
        }

        HashSet<ImagePlane> present = [.. of.Select(s => s.Plane!.Value)];
        List<ImagePlane> missing = [.. c.RequiredPlanes.Where(p => !present.Contains(p))];
        bool alternative = c.AnyOfPlanes.Count == 0 || c.AnyOfPlanes.Any(present.Contains);
        string limit = PlanesLimit(c);
        string have = of.Count == 0 ? $"no {type.Code()} series" : string.Join(", ", of.Select(s => $"{Lower(s.Plane!.Value)} (series {s.SeriesNumber})"));
        bool pass = missing.Count == 0 && alternative;
        string message = pass ? $"{type.Code()} planes: {have}"
            : $"{type.Code()} planes: {have}; missing {string.Join(", ", missing.Select(Lower).Concat(alternative ? [] : [string.Join(" or ", c.AnyOfPlanes.Select(Lower))]))}";
        ProstateSeries? lead = of.FirstOrDefault(s => s.Plane == c.RequiredPlanes.FirstOrDefault()) ?? of.FirstOrDefault();
        var finding = new Finding(c.Id, pass ? FindingOutcome.Pass : FindingOutcome.Fail, message, present.Count, "{planes}", limit, SopInstanceUid: lead?.FirstSopInstanceUid);
        return new ProtocolFinding(finding, lead?.SeriesNumber, lead?.SeriesInstanceUid);
    }

    private static string PlanesLimit(RuleCriterion c) =>
        string.Join(" + ", c.RequiredPlanes.Select(Lower)) + (c.AnyOfPlanes.Count > 0 ? $" + {string.Join(" or ", c.AnyOfPlanes.Select(Lower))}" : "");

    private static ProtocolFinding Present(RuleCriterion c, IReadOnlyList<ProstateSeries> series)
    {
        SeriesType type = c.Type!.Value;
        List<ProstateSeries> of = [.. series.Where(s => s.SeriesType == type)];
        if (of.Count == 0)
        {
            return new ProtocolFinding(new Finding(c.Id, FindingOutcome.Fail, $"No {type.Code()} series in the study", 0, "{series}", "present"), null, null);
        }

        return Found(c, of[0], FindingOutcome.Pass, $"{type.Code()}: series {string.Join(", ", of.Select(s => s.SeriesNumber))}", of.Count, "{series}", "present");
    }

    private static ProtocolFinding BValue(RuleCriterion c, IReadOnlyList<ProstateSeries> series, double tolerance)
    {
        const string unit = "s/mm²";
        string limit = LimitText.Of(c, unit) + (c.IncludeCalculated ? " (acquired or calculated)" : " (acquired)");
        List<ProstateSeries> diffusion = [.. series.Where(s => s.SeriesType == SeriesType.Dwi || (c.IncludeCalculated && s.SeriesType == SeriesType.DwiCalculated))];
        if (diffusion.Count == 0)
        {
            return new ProtocolFinding(new Finding(c.Id, FindingOutcome.Fail, "No DWI series in the study: the b-value is missing", Unit: unit, Threshold: limit), null, null);
        }

        var values = diffusion.SelectMany(s => s.BValues.Select(b => (Series: s, B: b))).ToList();
        if (values.Count == 0)
        {
            return Found(c, diffusion[0], FindingOutcome.NotAssessable, $"No b-value could be read from DWI series {string.Join(", ", diffusion.Select(s => s.SeriesNumber))}", null, unit, limit);
        }

        if (values.FirstOrDefault(v => LimitText.Meets(c, v.B, tolerance)) is { Series: not null } hit)
        {
            string kind = hit.Series.SeriesType == SeriesType.DwiCalculated ? "calculated" : "acquired";
            return Found(c, hit.Series, FindingOutcome.Pass, $"{Label(hit.Series)}: b={LimitText.Number(hit.B)} {kind} meets {limit}", hit.B, unit, limit);
        }

        // The nearest b-value to the range says how far the protocol is from it.
        double Distance(double b) => Math.Max(0, (c.Min ?? b) - b) + Math.Max(0, b - (c.Max ?? b));
        var nearest = values.OrderBy(v => Distance(v.B)).ThenByDescending(v => v.B).First();
        string all = string.Join("/", values.Select(v => v.B).Distinct().Order().Select(LimitText.Number));
        return Found(c, nearest.Series, FindingOutcome.Fail, $"b-values {all} s/mm²: none {limit}", nearest.B, unit, limit);
    }

    private static ProtocolFinding Found(RuleCriterion c, ProstateSeries s, FindingOutcome outcome, string message, double? value, string unit, string limit) =>
        new(new Finding(c.Id, outcome, message, value, unit, limit, SopInstanceUid: s.FirstSopInstanceUid), s.SeriesNumber, s.SeriesInstanceUid);

    private static string Label(ProstateSeries s) =>
        $"Series {s.SeriesNumber} ({s.SeriesType.Code()}{(s.Plane is { } p ? " " + Lower(p) : "")})";

    private static string Lower(ImagePlane p) => p.ToString().ToLowerInvariant();
}

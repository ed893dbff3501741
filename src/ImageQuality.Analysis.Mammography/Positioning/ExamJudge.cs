using System.Globalization;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Judges an exam from its images' analyses: CC against MLO PNL per side, left against right muscle on the MLOs,
/// and the exam grade (ACR pass/fail or PGMI) over every image finding and these.
/// </summary>
public static class ExamJudge
{
    /// <param name="images">Each screening image's analysis with its findings; the last one of a view counts when a view was repeated.</param>
    /// <param name="missingViews">Standard views not in the exam ("R CC"…): an incomplete exam is graded inadequate in PGMI mode.</param>
    public static IReadOnlyList<Finding> Judge(IReadOnlyList<(PositioningAnalysis Analysis, IReadOnlyList<Finding> Findings)> images, IReadOnlyList<string> missingViews, PositioningOptions o)
    {
        var findings = new List<Finding>();
        foreach (string side in new[] { "R", "L" })
        {
            findings.Add(CcMlo(side, Last(images, "CC", side), Last(images, "MLO", side), o));
        }

        findings.Add(Symmetry(Last(images, "MLO", "R"), Last(images, "MLO", "L"), o));
        findings.Add(Grade(images.SelectMany(i => i.Findings).Concat(findings).ToList(), missingViews, o));
        return findings;
    }

    private static Finding CcMlo(string side, PositioningAnalysis? cc, PositioningAnalysis? mlo, PositioningOptions o)
    {
        string id = $"{PositioningCriteria.CcMloPnl}.{(side == "R" ? "right" : "left")}";
        string threshold = F($"≤ {o.MaxCcMloPnlDifferenceMm:0} mm");
        if (cc?.Measures.PnlLengthMm is not { } ccPnl || mlo?.Measures.PnlLengthMm is not { } mloPnl
            || cc.Measures.NippleConfidence < o.MinNippleConfidence || mlo.Measures.NippleConfidence < o.MinNippleConfidence)
        {
            return new Finding(id, FindingOutcome.NotAssessable, $"{side}: the CC–MLO PNL comparison needs both views with the nipple found", Unit: "mm", Threshold: threshold, SopInstanceUid: cc?.SopInstanceUid ?? mlo?.SopInstanceUid);
        }

        double difference = ccPnl - mloPnl;
        bool ok = Math.Abs(difference) <= o.MaxCcMloPnlDifferenceMm;
        string message = ok
            ? F($"{side}: CC PNL {ccPnl:0} mm, MLO PNL {mloPnl:0} mm")
            : difference < 0
                ? F($"{side}: CC PNL {ccPnl:0} mm is {-difference:0} mm shorter than the MLO's {mloPnl:0} mm: posterior tissue is missing on the CC; pull the breast further onto the receptor")
                : F($"{side}: MLO PNL {mloPnl:0} mm is {difference:0} mm shorter than the CC's {ccPnl:0} mm: posterior tissue is missing on the MLO; bring more breast and muscle in");
        return new Finding(id, ok ? FindingOutcome.Pass : FindingOutcome.Fail, message, Math.Round(Math.Abs(difference), 1), "mm", threshold, null, difference < 0 ? cc.SopInstanceUid : mlo.SopInstanceUid);
    }

    private static Finding Symmetry(PositioningAnalysis? right, PositioningAnalysis? left, PositioningOptions o)
    {
        string threshold = F($"≤ {o.MaxPectoralAsymmetryMm:0} mm");
        if (right?.Measures.PectoralLengthMm is not { } r || left?.Measures.PectoralLengthMm is not { } l)
        {
            return new Finding(PositioningCriteria.PectoralSymmetry, FindingOutcome.NotAssessable, "Symmetry needs the muscle on both MLOs", Unit: "mm", Threshold: threshold);
        }

        double difference = Math.Abs(r - l);
        return difference <= o.MaxPectoralAsymmetryMm
            ? new Finding(PositioningCriteria.PectoralSymmetry, FindingOutcome.Pass, F($"Muscle on the MLOs: right {r:0} mm, left {l:0} mm"), Math.Round(difference, 1), "mm", threshold)
            : new Finding(PositioningCriteria.PectoralSymmetry, FindingOutcome.Fail, F($"The MLOs differ: muscle {r:0} mm on the right, {l:0} mm on the left; position both sides alike"), Math.Round(difference, 1), "mm", threshold, null, r < l ? right.SopInstanceUid : left.SopInstanceUid);
    }

    private static Finding Grade(IReadOnlyList<Finding> all, IReadOnlyList<string> missingViews, PositioningOptions o)
    {
        var failed = all.Where(f => f.Outcome == FindingOutcome.Fail).ToList();
        string failedList = string.Join(", ", failed.Select(f => f.CriterionId).Distinct());
        if (o.GradingMode == "ACR")
        {
            bool ok = failed.Count == 0 && missingViews.Count == 0;
            string why = missingViews.Count > 0 ? $"missing {string.Join(", ", missingViews)}" : failedList;
            return new Finding(PositioningCriteria.Grade, ok ? FindingOutcome.Pass : FindingOutcome.Fail, ok ? "ACR: every image meets every criterion" : $"ACR: not met ({why})", ok ? 1 : 0, "ACR", "all criteria met");
        }

        // PGMI: I when a repeat is needed, M when tissue may be missed, G for minor deviations, P for none.
        bool inadequate = missingViews.Count > 0 || failed.Any(f =>
            (f.CriterionId == PositioningCriteria.PectoralToPnl && f.MeasuredValue > o.InadequateShortfallMm)
            || (f.CriterionId == PositioningCriteria.CutOff && f.MeasuredValue > o.InadequateShortfallMm)
            || (f.CriterionId.StartsWith(PositioningCriteria.CcMloPnl, StringComparison.Ordinal) && f.MeasuredValue > 2 * o.MaxCcMloPnlDifferenceMm));
        bool moderate = failed.Any(f => PositioningCriteria.Major.Contains(f.CriterionId) || f.CriterionId.StartsWith(PositioningCriteria.CcMloPnl, StringComparison.Ordinal));
        (string grade, int rank) = inadequate ? ("I", 4) : moderate ? ("M", 3) : failed.Count > 0 ? ("G", 2) : ("P", 1);
        string detail = grade switch
        {
            "P" => "perfect: every criterion met",
            "G" => $"good: all tissue imaged, minor deviations ({failedList})",
            "M" => $"moderate: tissue may be missed ({failedList})",
            _ => missingViews.Count > 0 ? $"inadequate: missing {string.Join(", ", missingViews)}" : $"inadequate: a repeat is needed ({failedList})",
        };
        return new Finding(PositioningCriteria.Grade, rank <= 2 ? FindingOutcome.Pass : FindingOutcome.Fail, $"PGMI {grade}: {detail}", rank, "PGMI", "P or G");
    }

    private static PositioningAnalysis? Last(IReadOnlyList<(PositioningAnalysis Analysis, IReadOnlyList<Finding> Findings)> images, string view, string side) =>
        images.LastOrDefault(i => i.Analysis.View == view && i.Analysis.Laterality == side).Analysis;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace ImageQuality.Analysis.ProstateMr.RulePacks;

/// <summary>A criterion's limit as people write it ("≤ 3 mm", "120–200 mm", "&gt; 3000 ms"), and whether a value meets it.</summary>
internal static class LimitText
{
    public static string Of(RuleCriterion c, string unit)
    {
        string u = unit.StartsWith('{') ? "" : " " + unit;
        return (c.Min, c.Max) switch
        {
            ({ } min, { } max) when !c.MinExclusive && !c.MaxExclusive => $"{Number(min)}–{Number(max)}{u}",
            ({ } min, { } max) => $"{(c.MinExclusive ? ">" : "≥")} {Number(min)} and {(c.MaxExclusive ? "<" : "≤")} {Number(max)}{u}",
            ({ } min, null) => $"{(c.MinExclusive ? ">" : "≥")} {Number(min)}{u}",
            (null, { } max) => $"{(c.MaxExclusive ? "<" : "≤")} {Number(max)}{u}",
            _ => "",
        };
    }

    /// <summary>
    /// Inclusive limits are met within the tolerance; exclusive ones must be cleared by more than it (TR 3000.004 ms
    /// is 3000 ms written with float noise, and does not exceed 3000).
    /// </summary>
    public static bool Meets(RuleCriterion c, double value, double tolerance)
    {
        if (c.Min is { } min && (c.MinExclusive ? value - min <= tolerance : value < min - tolerance))
        {
            return false;
        }

        return c.Max is not { } max || (c.MaxExclusive ? max - value > tolerance : value <= max + tolerance);
    }

    public static string Number(double v) => Math.Round(v, 3).ToString("0.###", CultureInfo.InvariantCulture);
}

namespace ImageQuality.Analysis.ProstateMr.RulePacks;

/// <summary>What kind of test a rule pack criterion is.</summary>
public enum RuleCheck
{
    /// <summary>A measured parameter of each series of a type against min and/or max.</summary>
    Parameter,

    /// <summary>The planes a series type is present in: every required plane, and one of the alternatives.</summary>
    Planes,

    /// <summary>At least one series of the type.</summary>
    Present,

    /// <summary>A b-value in [min, max] among the DWI series (and the calculated ones when allowed).</summary>
    BValue,
}

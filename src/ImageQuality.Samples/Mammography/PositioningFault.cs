namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Positioning faults the generator can put into an image on purpose. Each changes the geometry, so the ground
/// truth (and the measures derived from it) show the fault the way the analysis should find it.
/// </summary>
public enum PositioningFault
{
    /// <summary>MLO: the pectoral muscle ends above the posterior nipple line.</summary>
    PectoralShort,

    /// <summary>MLO: the muscle's anterior border bows toward the chest wall.</summary>
    PectoralConcave,

    /// <summary>MLO: the muscle is a thin strip at the top of the image.</summary>
    PectoralNarrow,

    /// <summary>The nipple projects over the breast instead of on the skin line.</summary>
    NippleNotInProfile,

    /// <summary>Breast tissue runs off an image edge other than the chest wall (and the axilla on MLO).</summary>
    CutOff,

    /// <summary>MLO: the inframammary fold and the abdomen below it are not in the image.</summary>
    ImfNotShown,

    /// <summary>CC: the breast is rotated so that the nipple points far laterally.</summary>
    CcExaggerated,
}

/// <summary>The fault names of the ground truth and the training data (kebab case, stable across versions).</summary>
public static class PositioningFaultNames
{
    public static string Name(this PositioningFault fault) => fault switch
    {
        PositioningFault.PectoralShort => "pectoral-short",
        PositioningFault.PectoralConcave => "pectoral-concave",
        PositioningFault.PectoralNarrow => "pectoral-narrow",
        PositioningFault.NippleNotInProfile => "nipple-not-in-profile",
        PositioningFault.CutOff => "cut-off",
        PositioningFault.ImfNotShown => "imf-not-shown",
        PositioningFault.CcExaggerated => "cc-exaggerated",
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    public static PositioningFault Parse(string name) =>
        Enum.GetValues<PositioningFault>().FirstOrDefault(f => f.Name() == name, (PositioningFault)(-1)) is var f && (int)f >= 0
            ? f
            : throw new FormatException($"'{name}' is not a positioning fault ({string.Join(", ", Enum.GetValues<PositioningFault>().Select(v => v.Name()))})");

    /// <summary>Whether the fault can occur in the view (the pectoral and fold faults are MLO's, exaggeration is CC's).</summary>
    public static bool AppliesTo(this PositioningFault fault, ViewPosition view) => fault switch
    {
        PositioningFault.PectoralShort or PositioningFault.PectoralConcave or PositioningFault.PectoralNarrow or PositioningFault.ImfNotShown => view == ViewPosition.MLO,
        PositioningFault.CcExaggerated => view == ViewPosition.CC,
        _ => true,
    };
}

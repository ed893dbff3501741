namespace ImageQuality.Samples.Mammography.Truth;

/// <summary>
/// The positioning measures the geometry implies, by the rules the analysis uses (millimetres of the breast plane,
/// degrees); null where they do not apply to the view or a landmark is out of the field.
/// </summary>
public sealed record TruthMeasures
{
    /// <summary>Posterior nipple line: from the nipple perpendicular to the muscle edge (MLO) or to the chest wall (CC).</summary>
    public double? PnlLengthMm { get; init; }

    /// <summary>Where the PNL ends, in stored-image pixels.</summary>
    public (double X, double Y)? PnlFoot { get; init; }

    public bool? PectoralReachesPnl { get; init; }

    public double? PectoralShortfallMm { get; init; }

    /// <summary>MLO: the muscle edge (the chord from its top to its lowest end) from the vertical.</summary>
    public double? PectoralAngleDegrees { get; init; }

    /// <summary>MLO: the muscle's width along the top edge.</summary>
    public double? PectoralTopWidthMm { get; init; }

    /// <summary>MLO: how far the border's middle lies forward of the chord (negative: concave).</summary>
    public double? PectoralBulgeMm { get; init; }

    /// <summary>CC: a muscle sliver of 50 mm² or more at the chest wall.</summary>
    public bool? PectoralVisible { get; init; }

    /// <summary>CC: from the PNL direction to the line from the middle of the breast's chest-wall base to the nipple (positive: toward the bottom of the canonical image).</summary>
    public double? NippleAngleDegrees { get; init; }

    /// <summary>Breast tissue touches an image edge other than the chest wall (and, on MLO, the top edge at the axilla).</summary>
    public required bool CutOff { get; init; }

    public required double CutOffLengthMm { get; init; }

    public bool? ImfVisible { get; init; }

    public double? ImfAreaMm2 { get; init; }

    /// <summary>The breast without the muscle, in the image.</summary>
    public required double BreastAreaMm2 { get; init; }

    public required double CompressedThicknessMm { get; init; }
}

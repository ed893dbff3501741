namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// What was measured on one image, in millimetres in the breast plane and degrees; null where it does not apply to
/// the view or a landmark was not found. Points are in the canonical frame (chest wall at x = 0, x toward the
/// nipple, y downward) in millimetres.
/// </summary>
public sealed record PositioningMeasures
{
    public required string View { get; init; }

    /// <summary>Posterior nipple line: from the nipple, perpendicular to the muscle edge (MLO) or the chest wall (CC).</summary>
    public double? PnlLengthMm { get; init; }

    /// <summary>Where the PNL meets the muscle edge (or its extension) or the chest wall.</summary>
    public (double X, double Y)? PnlFootMm { get; init; }

    /// <summary>MLO: the muscle's lower end is at or below the PNL.</summary>
    public bool? PectoralReachesPnl { get; init; }

    /// <summary>MLO: how far along its edge the muscle stops short of the PNL; 0 when it reaches.</summary>
    public double? PectoralShortfallMm { get; init; }

    /// <summary>MLO: angle of the muscle's anterior edge from the vertical image edge.</summary>
    public double? PectoralAngleDegrees { get; init; }

    /// <summary>MLO: width of the muscle along the top of the image (at the axilla).</summary>
    public double? PectoralTopWidthMm { get; init; }

    /// <summary>MLO: how far down the chest wall the muscle reaches.</summary>
    public double? PectoralLengthMm { get; init; }

    public PectoralShape? PectoralShape { get; init; }

    /// <summary>Signed distance of the border's middle from the straight line (mm, positive = forward).</summary>
    public double? PectoralBulgeMm { get; init; }

    /// <summary>The muscle edge as two points: top (at the image edge) and lower end.</summary>
    public ((double X, double Y) Top, (double X, double Y) Bottom)? PectoralEdgeMm { get; init; }

    /// <summary>CC: muscle seen at the chest wall (good, not required).</summary>
    public bool? PectoralVisible { get; init; }

    public (double X, double Y)? NippleMm { get; init; }

    public double? NippleInProfileProbability { get; init; }

    /// <summary>CC: angle between the PNL direction and the line from the middle of the breast's chest-wall base to the nipple.</summary>
    public double? NippleAngleDegrees { get; init; }

    /// <summary>MLO: area of abdominal tissue shown below the fold.</summary>
    public double? ImfAreaMm2 { get; init; }

    /// <summary>Length of image edge (other than the chest wall and the axilla) that breast tissue touches.</summary>
    public double CutOffLengthMm { get; init; }

    /// <summary>Projected breast area without the muscle: the contact area under the paddle when the header has none.</summary>
    public double BreastAreaMm2 { get; init; }

    public double NippleConfidence { get; init; }

    public double SegmentationConfidence { get; init; }
}

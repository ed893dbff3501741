namespace ImageQuality.Samples.Mammography.Geometry;

/// <summary>The make-up of one breast, drawn once per image: what the renderer turns into attenuation.</summary>
internal sealed record TissueParameters
{
    /// <summary>Compressed thickness (mm).</summary>
    public required double Thickness { get; init; }

    /// <summary>Width of the rim where the thickness falls from full to zero at the skin (mm).</summary>
    public required double PeripheryWidth { get; init; }

    public required double SkinThickness { get; init; }

    /// <summary>Centre of the fibroglandular cone (canonical mm) and its semi-axes along and across the breast.</summary>
    public required (double X, double Y) GlandCentre { get; init; }

    public required double GlandAlong { get; init; }

    public required double GlandAcross { get; init; }

    /// <summary>Overall amount of glandular tissue (0-1) and where the texture is cut to make it patchy.</summary>
    public required double GlandAmount { get; init; }

    public required double GlandThreshold { get; init; }

    /// <summary>Fat under the skin and in front of the chest wall that holds no glandular tissue (mm).</summary>
    public required double SubcutaneousFat { get; init; }

    public required double RetroglandularFat { get; init; }

    /// <summary>How much the texture is drawn out toward the nipple (ducts converge on it).</summary>
    public required double DuctStretch { get; init; }

    /// <summary>Strength of the thin Cooper's-ligament strands in the fat (0: none).</summary>
    public required double LigamentStrength { get; init; }

    /// <summary>Distance between the ligament arcs, inward from the skin (mm).</summary>
    public required double LigamentSpacing { get; init; }

    /// <summary>Extra attenuation of the muscle relative to dense tissue (the axilla is thicker than the compressed breast); often subtle.</summary>
    public required double PectoralContrast { get; init; }

    /// <summary>Blur of the muscle's border (mm).</summary>
    public required double PectoralSoftness { get; init; }

    /// <summary>Abdomen thickness relative to the breast's.</summary>
    public required double AbdomenThickness { get; init; }

    public required IReadOnlyList<Vessel> Vessels { get; init; }

    /// <summary>Benign calcifications: centres (canonical mm) and radii.</summary>
    public required IReadOnlyList<(double X, double Y, double Radius)> Calcifications { get; init; }
}

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>The patient plane an image lies in, by the dominant axis of its normal.</summary>
public enum ImagePlane
{
    /// <summary>Normal mostly along the patient's feet–head axis (z).</summary>
    Axial,

    /// <summary>Normal mostly along the right–left axis (x).</summary>
    Sagittal,

    /// <summary>Normal mostly along the anterior–posterior axis (y).</summary>
    Coronal,
}

namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>How to choose the VOI stage. Defaults follow what a reading workstation shows first.</summary>
public sealed record GrayscaleRenderOptions
{
    public static GrayscaleRenderOptions Default { get; } = new();

    /// <summary>An explicit window, overriding the data set's.</summary>
    public WindowLevel? Window { get; init; }

    /// <summary>Use the n-th (0-based) window of the data set.</summary>
    public int? WindowIndex { get; init; }

    /// <summary>Use the n-th (0-based) table of the VOI LUT Sequence.</summary>
    public int? VoiLutIndex { get; init; }

    /// <summary>
    /// Without an explicit choice: the first window, else the first VOI LUT, else the actual minimum and maximum of
    /// the frame. True prefers the VOI LUT Sequence over windows (mammography vendors tune the LUT).
    /// </summary>
    public bool PreferVoiLutSequence { get; init; }

    /// <summary>Ignore the data set's windows and LUTs and stretch the frame's own value range.</summary>
    public bool MinMax { get; init; }
}

namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>The function a window applies (VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3).</summary>
public enum VoiLutFunction
{
    Linear,
    LinearExact,
    Sigmoid,
}

/// <summary>A window: centre, width and function.</summary>
public sealed record WindowLevel(double Center, double Width, VoiLutFunction Function = VoiLutFunction.Linear);

/// <summary>
/// The VOI LUT stage (PS3.3 C.11.2.1.2): a window, a VOI LUT Sequence table, or a linear map of a value range,
/// from modality values to display values in [0, 1].
/// </summary>
public sealed class VoiLut
{
    private readonly WindowLevel? _window;
    private readonly LookupTable? _table;
    private readonly double _min;
    private readonly double _max;

    private VoiLut(WindowLevel? window, LookupTable? table, double min, double max)
    {
        _window = window;
        _table = table;
        _min = min;
        _max = max;
    }

    public static VoiLut Window(WindowLevel window) => new(window, null, 0, 0);

    public static VoiLut Table(LookupTable table) => new(null, table, 0, 0);

    /// <summary>A linear map of [min, max] to [0, 1]: used when the data set has no window and no VOI LUT.</summary>
    public static VoiLut Range(double min, double max) => new(null, null, min, max);

    public WindowLevel? WindowLevel => _window;

    public LookupTable? LookupTable => _table;

    public double Apply(double x)
    {
        if (_window is { } w)
        {
            return ApplyWindow(w, x);
        }

        if (_table is { } t)
        {
            int maxOut = (1 << t.BitsPerEntry) - 1;
            return Math.Clamp(t.Lookup((int)Math.Floor(x)) / (double)maxOut, 0, 1);
        }

        return _max > _min ? Math.Clamp((x - _min) / (_max - _min), 0, 1) : 0.5;
    }

    /// <summary>The three functions of PS3.3 C.11.2.1.2.1 and C.11.2.1.3.1, with output range [0, 1].</summary>
    public static double ApplyWindow(WindowLevel w, double x)
    {
        double c = w.Center;
        switch (w.Function)
        {
            case VoiLutFunction.LinearExact:
                {
                    double width = Math.Max(w.Width, double.Epsilon);
                    if (x <= c - (width / 2))
                    {
                        return 0;
                    }

                    if (x > c + (width / 2))
                    {
                        return 1;
                    }

                    return ((x - c) / width) + 0.5;
                }

            case VoiLutFunction.Sigmoid:
                return 1 / (1 + Math.Exp(-4 * (x - c) / Math.Max(w.Width, double.Epsilon)));
            default:
                {
                    // LINEAR: width must be at least 1; centre and width are shifted by a half (C.11.2.1.2.1).
                    double width = Math.Max(w.Width, 1);
                    if (x <= c - 0.5 - ((width - 1) / 2))
                    {
                        return 0;
                    }

                    if (x > c - 0.5 + ((width - 1) / 2))
                    {
                        return 1;
                    }

                    return ((x - (c - 0.5)) / (width - 1)) + 0.5;
                }
        }
    }

    /// <summary>The windows of (0028,1050)/(0028,1051) with their function (0028,1056).</summary>
    public static IReadOnlyList<WindowLevel> WindowsOf(DicomDataset dataset)
    {
        double[] centers = dataset.GetDoubles(new DicomTag(0x00281050));
        double[] widths = dataset.GetDoubles(new DicomTag(0x00281051));
        VoiLutFunction function = (dataset.GetString(new DicomTag(0x00281056)) ?? "LINEAR").Trim().ToUpperInvariant() switch
        {
            "LINEAR_EXACT" => VoiLutFunction.LinearExact,
            "SIGMOID" => VoiLutFunction.Sigmoid,
            _ => VoiLutFunction.Linear,
        };
        var windows = new List<WindowLevel>();
        for (int i = 0; i < Math.Min(centers.Length, widths.Length); i++)
        {
            if (widths[i] > 0)
            {
                windows.Add(new WindowLevel(centers[i], widths[i], function));
            }
        }

        return windows;
    }

    /// <summary>The tables of the VOI LUT Sequence (0028,3010).</summary>
    public static IReadOnlyList<LookupTable> TablesOf(DicomDataset dataset, bool signedInput)
    {
        var tables = new List<LookupTable>();
        if (dataset.FindSequence(new DicomTag(0x00283010)) is { } seq)
        {
            foreach (DicomDataset item in seq.Items)
            {
                if (LookupTable.FromItem(item, signedInput) is { } t)
                {
                    tables.Add(t);
                }
            }
        }

        return tables;
    }
}

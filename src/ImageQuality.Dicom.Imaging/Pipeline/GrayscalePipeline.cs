namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>
/// The grayscale standard display pipeline of PS3.4 N.2 up to P-values: stored values → Modality LUT →
/// VOI LUT → Presentation LUT (MONOCHROME1 and Presentation LUT Shape INVERSE invert) → 8-bit output.
/// For up to 16 stored bits the whole chain is folded into one table, so rendering costs one lookup a pixel.
/// </summary>
public sealed class GrayscalePipeline
{
    private GrayscalePipeline(PixelDataDescription description, ModalityLut modality, VoiLut voi, bool invert)
    {
        Description = description;
        Modality = modality;
        Voi = voi;
        Invert = invert;
    }

    public PixelDataDescription Description { get; }

    public ModalityLut Modality { get; }

    public VoiLut Voi { get; }

    /// <summary>Whether low values are displayed white (MONOCHROME1, or Presentation LUT Shape INVERSE).</summary>
    public bool Invert { get; }

    public static GrayscalePipeline Create(DicomDataset dataset, PixelFrame frame, GrayscaleRenderOptions? options = null)
    {
        options ??= GrayscaleRenderOptions.Default;
        PixelDataDescription d = frame.Description;
        ModalityLut modality = ModalityLut.FromDataset(dataset, d);
        VoiLut voi = ChooseVoi(dataset, frame, modality, options);
        bool monochrome1 = d.PhotometricInterpretation.Equals("MONOCHROME1", StringComparison.OrdinalIgnoreCase);
        string? shape = dataset.GetString(new DicomTag(0x20500020))?.Trim();
        bool inverse = string.Equals(shape, "INVERSE", StringComparison.OrdinalIgnoreCase);
        return new GrayscalePipeline(d, modality, voi, monochrome1 ^ inverse);
    }

    private static VoiLut ChooseVoi(DicomDataset dataset, PixelFrame frame, ModalityLut modality, GrayscaleRenderOptions options)
    {
        if (options.Window is { } explicitWindow)
        {
            return VoiLut.Window(explicitWindow);
        }

        if (!options.MinMax)
        {
            IReadOnlyList<WindowLevel> windows = VoiLut.WindowsOf(dataset);
            IReadOnlyList<LookupTable> tables = VoiLut.TablesOf(dataset, frame.Description.IsSigned);
            if (options.WindowIndex is { } wi && wi < windows.Count)
            {
                return VoiLut.Window(windows[wi]);
            }

            if (options.VoiLutIndex is { } li && li < tables.Count)
            {
                return VoiLut.Table(tables[li]);
            }

            if (options.PreferVoiLutSequence && tables.Count > 0)
            {
                return VoiLut.Table(tables[0]);
            }

            if (windows.Count > 0)
            {
                return VoiLut.Window(windows[0]);
            }

            if (tables.Count > 0)
            {
                return VoiLut.Table(tables[0]);
            }
        }

        double min = double.MaxValue;
        double max = double.MinValue;
        if (frame.Description.BitsStored <= 16)
        {
            // Each value that occurs once, not each pixel: a mammogram has millions of pixels and a few thousand values.
            bool[] occurring = StoredValues.Occurring(frame);
            int first = StoredValues.PossibleRange(frame.Description).Min;
            for (int i = 0; i < occurring.Length; i++)
            {
                if (occurring[i])
                {
                    double m = modality.Apply(first + i);
                    min = Math.Min(min, m);
                    max = Math.Max(max, m);
                }
            }
        }
        else
        {
            foreach (int s in StoredValues.Extract(frame))
            {
                double m = modality.Apply(s);
                min = Math.Min(min, m);
                max = Math.Max(max, m);
            }
        }

        return VoiLut.Range(min, max);
    }

    /// <summary>The 8-bit display value of one stored value.</summary>
    public byte Map(int stored)
    {
        double p = Voi.Apply(Modality.Apply(stored));
        if (Invert)
        {
            p = 1 - p;
        }

        return (byte)Math.Clamp((int)Math.Round(p * 255, MidpointRounding.AwayFromZero), 0, 255);
    }

    /// <summary>Renders one sample plane of a frame to 8-bit grey values, row by row.</summary>
    public byte[] Render(PixelFrame frame)
    {
        PixelDataDescription d = frame.Description;
        int pixels = d.Rows * d.Columns;
        var output = new byte[pixels];
        if (d.BitsStored <= 16)
        {
            (int min, int max) = StoredValues.PossibleRange(d);
            byte[] table = new byte[max - min + 1];
            for (int v = min; v <= max; v++)
            {
                table[v - min] = Map(v);
            }

            StoredValues.MapThroughTable(frame, table, min, output);
            return output;
        }

        int[] stored = System.Buffers.ArrayPool<int>.Shared.Rent(pixels);
        try
        {
            StoredValues.Extract(frame, 0, stored);
            for (int i = 0; i < pixels; i++)
            {
                output[i] = Map(stored[i]);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(stored);
        }

        return output;
    }
}

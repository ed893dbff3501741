namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>
/// A scan header (T.81 B.2.3): the components of the scan with their Huffman tables, and Ss, Se, Ah, Al,
/// which for lossless scans are the predictor and the point transform (T.81 H.2.1).
/// </summary>
internal sealed class JpegScanHeader
{
    private JpegScanHeader(JpegComponent[] components, int[] dcTables, int[] acTables, int ss, int se, int ah, int al)
    {
        Components = components;
        DcTables = dcTables;
        AcTables = acTables;
        SpectralStart = ss;
        SpectralEnd = se;
        ApproximationHigh = ah;
        ApproximationLow = al;
    }

    public JpegComponent[] Components { get; }

    /// <summary>Td of each scan component: its DC table (lossless: its only table).</summary>
    public int[] DcTables { get; }

    /// <summary>Ta of each scan component.</summary>
    public int[] AcTables { get; }

    /// <summary>Ss: for lossless scans the predictor selection value (T.81 Table H.1).</summary>
    public int SpectralStart { get; }

    public int SpectralEnd { get; }

    public int ApproximationHigh { get; }

    /// <summary>Al: for lossless scans the point transform Pt.</summary>
    public int ApproximationLow { get; }

    public static JpegScanHeader Parse(ReadOnlySpan<byte> segment, JpegFrameHeader? frame)
    {
        if (frame is null)
        {
            throw new DicomPixelDataException("The JPEG data has a scan (SOS) before its frame header (SOF).");
        }

        int count = segment.Length > 0 ? segment[0] : 0;
        if (count is < 1 or > 4 || segment.Length < 1 + (2 * count) + 3)
        {
            throw new DicomPixelDataException($"The JPEG scan header (SOS) is malformed ({segment.Length} bytes for {count} components).");
        }

        var components = new JpegComponent[count];
        int[] dc = new int[count];
        int[] ac = new int[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++)
        {
            int id = segment[1 + (2 * i)];
            int tables = segment[2 + (2 * i)];
            JpegComponent component = frame.FindComponent(id)
                ?? throw new DicomPixelDataException($"The JPEG scan refers to component {id}, which the frame header does not define.");
            components[i] = component;
            dc[i] = tables >> 4;
            ac[i] = tables & 15;
            if (dc[i] > 3 || ac[i] > 3)
            {
                throw new DicomPixelDataException($"The JPEG scan selects Huffman tables {dc[i]}/{ac[i]} for component {id}; tables are numbered 0-3.");
            }

            blocksPerMcu += component.HorizontalSampling * component.VerticalSampling;
        }

        if (count > 1 && blocksPerMcu > 10)
        {
            throw new DicomPixelDataException($"An interleaved JPEG scan has {blocksPerMcu} blocks per MCU; at most 10 are allowed (T.81 B.2.3).");
        }

        int p = 1 + (2 * count);
        int ss = segment[p];
        int se = segment[p + 1];
        int ah = segment[p + 2] >> 4;
        int al = segment[p + 2] & 15;
        if (frame.IsLossless)
        {
            if (ss is < 1 or > 7)
            {
                throw new DicomPixelDataException($"The lossless JPEG scan selects predictor {ss}; predictors are 1-7.");
            }

            if (al >= frame.Precision)
            {
                throw new DicomPixelDataException($"The lossless JPEG scan has point transform {al} for {frame.Precision}-bit samples.");
            }
        }

        return new JpegScanHeader(components, dc, ac, ss, se, ah, al);
    }
}

using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>A frame header (T.81 B.2.2): the coding process, sample precision, size and components.</summary>
internal sealed class JpegFrameHeader
{
    private JpegFrameHeader(byte marker, int precision, int height, int width, JpegComponent[] components)
    {
        Marker = marker;
        Precision = precision;
        Height = height;
        Width = width;
        Components = components;
        foreach (JpegComponent c in components)
        {
            MaxHorizontalSampling = Math.Max(MaxHorizontalSampling, c.HorizontalSampling);
            MaxVerticalSampling = Math.Max(MaxVerticalSampling, c.VerticalSampling);
        }

        McusPerLine = DivideUp(width, 8 * MaxHorizontalSampling);
        McusPerColumn = DivideUp(height, 8 * MaxVerticalSampling);
        foreach (JpegComponent c in components)
        {
            c.Width = DivideUp(width * c.HorizontalSampling, MaxHorizontalSampling);
            c.Height = DivideUp(height * c.VerticalSampling, MaxVerticalSampling);
            c.BlocksPerLine = McusPerLine * c.HorizontalSampling;
            c.BlocksPerColumn = McusPerColumn * c.VerticalSampling;
        }
    }

    public byte Marker { get; }

    public bool IsLossless => Marker == JpegMarker.SOF3;

    public int Precision { get; }

    public int Height { get; }

    public int Width { get; }

    public JpegComponent[] Components { get; }

    public int MaxHorizontalSampling { get; }

    public int MaxVerticalSampling { get; }

    /// <summary>MCUs per line of an interleaved DCT scan.</summary>
    public int McusPerLine { get; }

    /// <summary>MCU rows of an interleaved DCT scan.</summary>
    public int McusPerColumn { get; }

    /// <summary>Parses a SOF0, SOF1 or SOF3 segment; other processes are refused with the reason.</summary>
    public static JpegFrameHeader Parse(byte marker, ReadOnlySpan<byte> segment)
    {
        switch (marker)
        {
            case JpegMarker.SOF0:
            case JpegMarker.SOF1:
            case JpegMarker.SOF3:
                break;
            case JpegMarker.SOF2:
                throw new DicomPixelDataException("Progressive JPEG is not supported (SOF2 frame).");
            case 0xC9 or 0xCA or 0xCB:
                throw new DicomPixelDataException($"Arithmetic-coded JPEG is not supported ({JpegMarker.Name(marker)} frame).");
            default:
                throw new DicomPixelDataException($"Hierarchical JPEG is not supported ({JpegMarker.Name(marker)} frame).");
        }

        if (segment.Length < 6)
        {
            throw new DicomPixelDataException($"The JPEG {JpegMarker.Name(marker)} segment is {segment.Length} bytes, too short for a frame header.");
        }

        int precision = segment[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(segment[1..]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(segment[3..]);
        int count = segment[5];
        bool precisionValid = marker switch
        {
            JpegMarker.SOF0 => precision == 8,
            JpegMarker.SOF1 => precision is 8 or 12,
            _ => precision is >= 2 and <= 16,
        };
        if (!precisionValid)
        {
            throw new DicomPixelDataException($"A {JpegMarker.Name(marker)} JPEG frame cannot have {precision}-bit samples.");
        }

        if (height == 0)
        {
            throw new DicomPixelDataException("JPEG frames whose height is given by a DNL marker are not supported.");
        }

        if (width == 0)
        {
            throw new DicomPixelDataException("The JPEG frame header gives a width of 0.");
        }

        if (count is not (1 or 3))
        {
            throw new DicomPixelDataException($"JPEG frames with {count} components are not supported (only 1 or 3).");
        }

        if (segment.Length < 6 + (3 * count))
        {
            throw new DicomPixelDataException($"The JPEG {JpegMarker.Name(marker)} segment is too short for {count} components.");
        }

        var components = new JpegComponent[count];
        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<byte> c = segment.Slice(6 + (3 * i), 3);
            int h = c[1] >> 4;
            int v = c[1] & 15;
            if (h is < 1 or > 4 || v is < 1 or > 4 || c[2] > 3)
            {
                throw new DicomPixelDataException($"JPEG component {c[0]} has sampling factors {h}x{v} and quantization table {c[2]}; factors must be 1-4 and tables 0-3.");
            }

            if (marker == JpegMarker.SOF3 && count > 1 && (h != 1 || v != 1))
            {
                throw new DicomPixelDataException("Subsampled lossless JPEG is not supported.");
            }

            components[i] = new JpegComponent { Id = c[0], Index = i, HorizontalSampling = h, VerticalSampling = v, QuantizationTable = c[2] };
        }

        return new JpegFrameHeader(marker, precision, height, width, components);
    }

    public JpegComponent? FindComponent(int id)
    {
        foreach (JpegComponent c in Components)
        {
            if (c.Id == id)
            {
                return c;
            }
        }

        return null;
    }

    private static int DivideUp(int a, int b) => (a + b - 1) / b;
}

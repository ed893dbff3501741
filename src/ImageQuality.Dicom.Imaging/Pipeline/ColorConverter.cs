namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>
/// Colour frames to 8-bit RGB (PS3.3 C.7.6.3.1.2): RGB by pixel or by plane, YBR_FULL and YBR_FULL_422
/// (ITU-R BT.601 full range), YBR_PARTIAL_422/420 (BT.601 studio range), and PALETTE COLOR through its LUTs.
/// </summary>
public static class ColorConverter
{
    /// <summary>Interleaved R, G, B bytes for every pixel, row by row.</summary>
    public static byte[] ToRgb24(DicomDataset dataset, PixelFrame frame)
    {
        PixelDataDescription d = frame.Description;
        int pixels = d.Rows * d.Columns;
        var rgb = new byte[pixels * 3];
        string pi = d.PhotometricInterpretation.ToUpperInvariant();
        if (pi == "PALETTE COLOR")
        {
            Palette(dataset, frame, rgb);
            return rgb;
        }

        if (d.SamplesPerPixel != 3)
        {
            throw new DicomPixelDataException($"{d.PhotometricInterpretation} with {d.SamplesPerPixel} sample(s) per pixel is not a colour image this converter knows.");
        }

        if (d.IsYbr422)
        {
            Ybr422(frame, rgb, partial: pi.StartsWith("YBR_PARTIAL", StringComparison.Ordinal));
            return rgb;
        }

        int[] c0 = StoredValues.Extract(frame, 0);
        int[] c1 = StoredValues.Extract(frame, 1);
        int[] c2 = StoredValues.Extract(frame, 2);
        int shift = Math.Max(0, d.BitsStored - 8);
        for (int i = 0; i < pixels; i++)
        {
            int a = c0[i] >> shift;
            int b = c1[i] >> shift;
            int c = c2[i] >> shift;
            if (pi is "YBR_FULL" or "YBR_ICT" or "YBR_RCT")
            {
                YbrFullToRgb(a, b, c, rgb.AsSpan(i * 3, 3));
            }
            else
            {
                rgb[i * 3] = Clamp(a);
                rgb[(i * 3) + 1] = Clamp(b);
                rgb[(i * 3) + 2] = Clamp(c);
            }
        }

        return rgb;
    }

    private static void YbrFullToRgb(int y, int cb, int cr, Span<byte> rgb)
    {
        rgb[0] = Clamp((int)Math.Round(y + (1.402 * (cr - 128))));
        rgb[1] = Clamp((int)Math.Round(y - (0.344136 * (cb - 128)) - (0.714136 * (cr - 128))));
        rgb[2] = Clamp((int)Math.Round(y + (1.772 * (cb - 128))));
    }

    private static void YbrPartialToRgb(int y, int cb, int cr, Span<byte> rgb)
    {
        double yy = 1.1644 * (y - 16);
        rgb[0] = Clamp((int)Math.Round(yy + (1.5960 * (cr - 128))));
        rgb[1] = Clamp((int)Math.Round(yy - (0.3917 * (cb - 128)) - (0.8129 * (cr - 128))));
        rgb[2] = Clamp((int)Math.Round(yy + (2.0172 * (cb - 128))));
    }

    private static void Ybr422(PixelFrame frame, byte[] rgb, bool partial)
    {
        // Y1 Y2 Cb Cr for each horizontal pair of pixels (8-bit).
        PixelDataDescription d = frame.Description;
        ReadOnlySpan<byte> data = frame.Data;
        int columns = d.Columns;
        for (int row = 0; row < d.Rows; row++)
        {
            for (int col = 0; col < columns; col += 2)
            {
                int at = ((row * columns) + col) * 2;
                if (at + 3 >= data.Length)
                {
                    return;
                }

                int cb = data[at + 2];
                int cr = data[at + 3];
                for (int k = 0; k < 2 && col + k < columns; k++)
                {
                    Span<byte> px = rgb.AsSpan(((row * columns) + col + k) * 3, 3);
                    if (partial)
                    {
                        YbrPartialToRgb(data[at + k], cb, cr, px);
                    }
                    else
                    {
                        YbrFullToRgb(data[at + k], cb, cr, px);
                    }
                }
            }
        }
    }

    private static void Palette(DicomDataset dataset, PixelFrame frame, byte[] rgb)
    {
        bool signed = frame.Description.IsSigned;
        LookupTable red = LookupTable.FromElements(dataset, new DicomTag(0x00281101), new DicomTag(0x00281201), signed)
            ?? throw new DicomPixelDataException("PALETTE COLOR without a usable Red Palette Color LUT (segmented palettes are not supported).");
        LookupTable green = LookupTable.FromElements(dataset, new DicomTag(0x00281102), new DicomTag(0x00281202), signed)
            ?? throw new DicomPixelDataException("PALETTE COLOR without a usable Green Palette Color LUT.");
        LookupTable blue = LookupTable.FromElements(dataset, new DicomTag(0x00281103), new DicomTag(0x00281203), signed)
            ?? throw new DicomPixelDataException("PALETTE COLOR without a usable Blue Palette Color LUT.");
        int[] index = StoredValues.Extract(frame);
        for (int i = 0; i < index.Length; i++)
        {
            rgb[i * 3] = To8Bit(red, red.Lookup(index[i]));
            rgb[(i * 3) + 1] = To8Bit(green, green.Lookup(index[i]));
            rgb[(i * 3) + 2] = To8Bit(blue, blue.Lookup(index[i]));
        }
    }

    private static byte To8Bit(LookupTable t, int value) => (byte)(t.BitsPerEntry > 8 ? value >> (t.BitsPerEntry - 8) : value);

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}

using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Pipeline;

/// <summary>
/// Stored pixel values (PS3.5 8.1.1): the BitsStored bits ending at HighBit of each sample, sign-extended when
/// Pixel Representation is 1. Everything above the stored bits (overlays in old files) is masked off.
/// </summary>
public static class StoredValues
{
    /// <summary>The smallest and largest value BitsStored bits can hold.</summary>
    public static (int Min, int Max) PossibleRange(PixelDataDescription d) =>
        d.IsSigned ? (-(1 << (d.BitsStored - 1)), (1 << (d.BitsStored - 1)) - 1) : (0, (int)Math.Min(int.MaxValue, (1L << d.BitsStored) - 1));

    /// <summary>The stored values of one sample (0 for grayscale) of every pixel, row by row.</summary>
    public static int[] Extract(PixelFrame frame, int sample = 0)
    {
        var values = new int[frame.Width * frame.Height];
        Extract(frame, sample, values);
        return values;
    }

    public static void Extract(PixelFrame frame, int sample, Span<int> destination)
    {
        PixelDataDescription d = frame.Description;
        int pixels = d.Rows * d.Columns;
        if (destination.Length < pixels)
        {
            throw new ArgumentException("The destination is smaller than the frame.", nameof(destination));
        }

        int shift = Math.Max(0, d.HighBit + 1 - d.BitsStored);
        int bits = Math.Min(d.BitsStored, 32);
        uint mask = bits == 32 ? uint.MaxValue : (1u << bits) - 1;
        int signShift = 32 - bits;
        bool signed = d.IsSigned;
        ReadOnlySpan<byte> data = frame.Data;
        int samples = d.SamplesPerPixel;

        // Sample position: colour-by-pixel interleaves samples; colour-by-plane stores each sample's plane in turn.
        int stride = d.PlanarConfiguration == 0 ? samples : 1;
        int start = d.PlanarConfiguration == 0 ? sample : sample * pixels;

        switch (d.BitsAllocated)
        {
            case 1:
                for (int i = 0; i < pixels; i++)
                {
                    destination[i] = (data[i >> 3] >> (i & 7)) & 1;
                }

                break;
            case 8:
                for (int i = 0; i < pixels; i++)
                {
                    uint v = (uint)(data[start + (i * stride)] >> shift) & mask;
                    destination[i] = signed ? (int)(v << signShift) >> signShift : (int)v;
                }

                break;
            case 16:
                {
                    ReadOnlySpan<ushort> words = frame.AsUInt16();
                    if (!signed && shift == 0 && stride == 1 && start == 0)
                    {
                        for (int i = 0; i < pixels; i++)
                        {
                            destination[i] = (int)(words[i] & mask);
                        }
                    }
                    else
                    {
                        for (int i = 0; i < pixels; i++)
                        {
                            uint v = (uint)(words[start + (i * stride)] >> shift) & mask;
                            destination[i] = signed ? (int)(v << signShift) >> signShift : (int)v;
                        }
                    }

                    break;
                }

            case 32:
                for (int i = 0; i < pixels; i++)
                {
                    uint v = (BinaryPrimitives.ReadUInt32LittleEndian(data[((start + (i * stride)) * 4)..]) >> shift) & mask;
                    destination[i] = signed ? (int)(v << signShift) >> signShift : (int)Math.Min(v, int.MaxValue);
                }

                break;
            default:
                throw new DicomPixelDataException($"Bits Allocated {d.BitsAllocated} is not supported for stored values.");
        }
    }

    /// <summary>
    /// Maps the stored values of a one-sample frame through <paramref name="table"/> (entry 0 is stored value
    /// <paramref name="tableMin"/>): one pass over the frame's words, no intermediate buffer. The table must
    /// cover <see cref="PossibleRange"/>.
    /// </summary>
    public static void MapThroughTable(PixelFrame frame, ReadOnlySpan<byte> table, int tableMin, Span<byte> output)
    {
        PixelDataDescription d = frame.Description;
        int pixels = d.Rows * d.Columns;
        (int min, int max) = PossibleRange(d);
        if (output.Length < pixels || min < tableMin || max - tableMin >= table.Length)
        {
            throw new ArgumentException("The output is smaller than the frame or the table does not cover the stored values.");
        }

        if (d.SamplesPerPixel != 1 || d.BitsAllocated is not (8 or 16) || d.BitsStored > 16)
        {
            int[] values = System.Buffers.ArrayPool<int>.Shared.Rent(pixels);
            try
            {
                Extract(frame, 0, values);
                for (int i = 0; i < pixels; i++)
                {
                    output[i] = table[values[i] - tableMin];
                }
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(values);
            }

            return;
        }

        int shift = Math.Max(0, d.HighBit + 1 - d.BitsStored);
        uint mask = (1u << d.BitsStored) - 1;
        int signShift = 32 - d.BitsStored;
        if (d.BitsAllocated == 16)
        {
            ReadOnlySpan<ushort> words = frame.AsUInt16()[..pixels];
            if (d.IsSigned)
            {
                for (int i = 0; i < words.Length; i++)
                {
                    output[i] = table[((int)((((uint)words[i] >> shift) & mask) << signShift) >> signShift) - tableMin];
                }
            }
            else
            {
                for (int i = 0; i < words.Length; i++)
                {
                    output[i] = table[(int)(((uint)words[i] >> shift) & mask) - tableMin];
                }
            }

            return;
        }

        ReadOnlySpan<byte> bytes = frame.Data.AsSpan(0, pixels);
        for (int i = 0; i < bytes.Length; i++)
        {
            uint v = ((uint)bytes[i] >> shift) & mask;
            output[i] = table[(d.IsSigned ? (int)(v << signShift) >> signShift : (int)v) - tableMin];
        }
    }

    /// <summary>
    /// Marks which stored values of sample 0 occur (entry 0 is <see cref="PossibleRange"/>'s minimum), for up to
    /// 16 stored bits: the values a min/max window needs, without a buffer of every pixel's value.
    /// </summary>
    public static bool[] Occurring(PixelFrame frame)
    {
        PixelDataDescription d = frame.Description;
        if (d.BitsStored > 16)
        {
            throw new ArgumentException("Only frames of up to 16 stored bits have a table of occurring values.", nameof(frame));
        }

        (int min, int max) = PossibleRange(d);
        var seen = new bool[max - min + 1];
        int pixels = d.Rows * d.Columns;
        if (d.SamplesPerPixel == 1 && d.BitsAllocated == 16 && !d.IsSigned)
        {
            int shift = Math.Max(0, d.HighBit + 1 - d.BitsStored);
            uint mask = (1u << d.BitsStored) - 1;
            foreach (ushort w in frame.AsUInt16()[..pixels])
            {
                seen[((uint)w >> shift) & mask] = true;
            }

            return seen;
        }

        int[] values = System.Buffers.ArrayPool<int>.Shared.Rent(pixels);
        try
        {
            Extract(frame, 0, values);
            foreach (int v in values.AsSpan(0, pixels))
            {
                seen[v - min] = true;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(values);
        }

        return seen;
    }
}

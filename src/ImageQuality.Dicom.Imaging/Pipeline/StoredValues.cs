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
}

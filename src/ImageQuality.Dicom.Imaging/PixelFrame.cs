using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging;

/// <summary>
/// One decoded frame: stored values laid out as native little endian Pixel Data would hold them, with typed
/// views for analysis (no per-pixel boxing).
/// </summary>
public sealed class PixelFrame
{
    public PixelFrame(PixelDataDescription description, byte[] data)
    {
        Description = description;
        Data = data;
    }

    public PixelDataDescription Description { get; }

    public byte[] Data { get; }

    public int Width => Description.Columns;

    public int Height => Description.Rows;

    public ReadOnlySpan<byte> AsBytes() => Data;

    public ReadOnlySpan<ushort> AsUInt16() => MemoryMarshal.Cast<byte, ushort>(Data.AsSpan(0, Data.Length & ~1));

    /// <summary>
    /// The 16-bit words as they are: bits above High Bit are what the source left there (sign-extended in most
    /// native files, zero after JPEG-LS / JPEG decoding of P = Bits Stored streams, as dcmdjpls and dcmdjpeg leave
    /// them). Signed stored values with Bits Stored &lt; 16 come from <see cref="Pipeline.StoredValues"/>, which
    /// sign-extends from Bits Stored either way.
    /// </summary>
    public ReadOnlySpan<short> AsInt16() => MemoryMarshal.Cast<byte, short>(Data.AsSpan(0, Data.Length & ~1));

    public ReadOnlySpan<uint> AsUInt32() => MemoryMarshal.Cast<byte, uint>(Data.AsSpan(0, Data.Length & ~3));

    public ReadOnlySpan<int> AsInt32() => MemoryMarshal.Cast<byte, int>(Data.AsSpan(0, Data.Length & ~3));
}

using System.Buffers.Binary;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;

/// <summary>
/// Checks a JPEG 2000 frame's headers (ISO/IEC 15444-1 A.5.1 SIZ, A.6.1 COD, A.6.2 COC; 15444-15 CAP) before
/// OpenJPEG sees them. OpenJPEG 2.5.0 sizes its per-tile structures from SIZ alone: a frame whose SIZ declares a
/// huge image or thousands of tiles costs seconds and hundreds of megabytes in opj_read_header before the image
/// can be compared with the data set, so the comparison is made here first. It also finds High-Throughput
/// code-blocks, whose decoder in OpenJPEG 2.5.0 can abort the process on malformed data (uclouvain/openjpeg#1500).
/// </summary>
internal static class J2kHeaderGuard
{
    private const ushort SOC = 0xFF4F;
    private const ushort SIZ = 0xFF51;
    private const ushort CAP = 0xFF50;
    private const ushort COD = 0xFF52;
    private const ushort COC = 0xFF53;
    private const ushort SOT = 0xFF90;
    private const ushort SOD = 0xFF93;
    private const ushort EOC = 0xFFD9;
    private const byte HighThroughputCodeBlocks = 0x40;
    private const int Jp2CodestreamBox = 0x6A703263; // 'jp2c'

    /// <summary>The raw codestream of a frame: the frame itself, or the contents of a JP2 file's contiguous codestream box.</summary>
    public static ReadOnlySpan<byte> Codestream(ReadOnlySpan<byte> frame, bool isJp2)
    {
        if (!isJp2)
        {
            return frame;
        }

        int at = 0;
        while (frame.Length - at >= 8)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(frame[at..]);
            int type = BinaryPrimitives.ReadInt32BigEndian(frame[(at + 4)..]);
            int header = 8;
            if (length == 1)
            {
                if (frame.Length - at < 16)
                {
                    break;
                }

                length = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(frame[(at + 8)..]), long.MaxValue);
                header = 16;
            }
            else if (length == 0)
            {
                length = frame.Length - at;
            }

            if (length < header || length > frame.Length - at)
            {
                break;
            }

            if (type == Jp2CodestreamBox)
            {
                return frame.Slice(at + header, (int)length - header);
            }

            at += (int)length;
        }

        throw new DicomPixelDataException("The JP2 file has no complete contiguous codestream box (jp2c).");
    }

    /// <summary>
    /// Throws when the main header does not describe the data set's image, declares an unreasonable tiling, or
    /// (unless <paramref name="allowHighThroughput"/>) uses High-Throughput code-blocks anywhere.
    /// </summary>
    public static void Check(ReadOnlySpan<byte> cs, PixelDataDescription d, bool allowHighThroughput)
    {
        if (cs.Length < 42 || BinaryPrimitives.ReadUInt16BigEndian(cs) != SOC || BinaryPrimitives.ReadUInt16BigEndian(cs[2..]) != SIZ)
        {
            throw new DicomPixelDataException("The JPEG 2000 codestream does not start with SOC and a complete SIZ marker segment.");
        }

        int lsiz = BinaryPrimitives.ReadUInt16BigEndian(cs[4..]);
        int components = BinaryPrimitives.ReadUInt16BigEndian(cs[40..]);
        if (lsiz != 38 + (3 * components) || cs.Length < 4 + lsiz)
        {
            throw new DicomPixelDataException($"The JPEG 2000 SIZ segment is {lsiz} bytes long for {components} component(s) (or cut short).");
        }

        int rsiz = BinaryPrimitives.ReadUInt16BigEndian(cs[6..]);
        uint xsiz = BinaryPrimitives.ReadUInt32BigEndian(cs[8..]);
        uint ysiz = BinaryPrimitives.ReadUInt32BigEndian(cs[12..]);
        uint xosiz = BinaryPrimitives.ReadUInt32BigEndian(cs[16..]);
        uint yosiz = BinaryPrimitives.ReadUInt32BigEndian(cs[20..]);
        uint xtsiz = BinaryPrimitives.ReadUInt32BigEndian(cs[24..]);
        uint ytsiz = BinaryPrimitives.ReadUInt32BigEndian(cs[28..]);
        uint xtosiz = BinaryPrimitives.ReadUInt32BigEndian(cs[32..]);
        uint ytosiz = BinaryPrimitives.ReadUInt32BigEndian(cs[36..]);
        if (xsiz <= xosiz || ysiz <= yosiz || xsiz - xosiz != (uint)d.Columns || ysiz - yosiz != (uint)d.Rows)
        {
            throw new DicomPixelDataException($"The JPEG 2000 image is {(long)xsiz - xosiz}x{(long)ysiz - yosiz}; the data set says {d.Columns}x{d.Rows} (Columns x Rows).");
        }

        if (components != d.SamplesPerPixel)
        {
            throw new DicomPixelDataException($"The JPEG 2000 image has {components} component(s); the data set says Samples per Pixel {d.SamplesPerPixel}.");
        }

        for (int c = 0; c < components; c++)
        {
            int ssiz = cs[42 + (3 * c)];
            int precision = (ssiz & 0x7F) + 1;
            if (cs[43 + (3 * c)] != 1 || cs[44 + (3 * c)] != 1)
            {
                throw new DicomPixelDataException($"JPEG 2000 component {c} is subsampled ({cs[43 + (3 * c)]}x{cs[44 + (3 * c)]}); DICOM frames hold every sample.");
            }

            if (precision > d.BitsAllocated)
            {
                throw new DicomPixelDataException($"JPEG 2000 component {c} has {precision}-bit samples, which Bits Allocated {d.BitsAllocated} cannot hold.");
            }
        }

        // A.5.1: tiles must cover the image origin; OpenJPEG allocates per tile, so a tile grid far finer than any
        // encoder writes (on average under 32x32 samples a tile) is refused rather than paid for.
        if (xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz || (ulong)xtosiz + xtsiz <= xosiz || (ulong)ytosiz + ytsiz <= yosiz)
        {
            throw new DicomPixelDataException($"The JPEG 2000 tiling ({xtsiz}x{ytsiz} at {xtosiz},{ytosiz}) does not cover the image.");
        }

        ulong tiles = ((xsiz - xtosiz + (ulong)xtsiz - 1) / xtsiz) * ((ysiz - ytosiz + (ulong)ytsiz - 1) / ytsiz);
        ulong allowed = Math.Max(64UL, (ulong)d.Rows * (ulong)d.Columns / 1024);
        if (tiles > allowed)
        {
            throw new DicomPixelDataException($"The JPEG 2000 codestream declares {tiles} tiles for a {d.Columns}x{d.Rows} image; more than {allowed} are refused.");
        }

        if (!allowHighThroughput && ((rsiz & 0x4000) != 0 || UsesHighThroughput(cs, 4 + lsiz, components)))
        {
            throw new DicomPixelDataException("The frame is a High-Throughput JPEG 2000 codestream (ISO/IEC 15444-15); HTJ2K decoding is off because OpenJPEG 2.5.0 can abort the process on malformed HT code-blocks (uclouvain/openjpeg#1500).");
        }
    }

    /// <summary>
    /// Whether a CAP segment, or a COD or COC segment of the main header or of any tile-part header, selects
    /// HT code-blocks. Stops quietly where the headers are malformed or cut: OpenJPEG reports those.
    /// </summary>
    internal static bool UsesHighThroughput(ReadOnlySpan<byte> cs, int at, int components)
    {
        int componentIndexBytes = components < 257 ? 1 : 2;
        while (at + 4 <= cs.Length)
        {
            ushort marker = BinaryPrimitives.ReadUInt16BigEndian(cs[at..]);
            if (marker == EOC || (marker >> 8) != 0xFF)
            {
                return false;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(cs[(at + 2)..]);
            if (length < 2 || at + 2 + length > cs.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> segment = cs.Slice(at + 4, length - 2);
            switch (marker)
            {
                case CAP:
                    return true;
                case COD when segment.Length > 8 && (segment[8] & HighThroughputCodeBlocks) != 0:
                    return true;
                case COC when segment.Length > componentIndexBytes + 4 && (segment[componentIndexBytes + 4] & HighThroughputCodeBlocks) != 0:
                    return true;
                case SOT:
                    if (segment.Length < 8)
                    {
                        return false;
                    }

                    uint psot = BinaryPrimitives.ReadUInt32BigEndian(segment[2..]);
                    if (TilePartUsesHighThroughput(cs, at + 2 + length, componentIndexBytes))
                    {
                        return true;
                    }

                    if (psot == 0 || psot > (uint)(cs.Length - at))
                    {
                        return false;
                    }

                    at += (int)psot;
                    continue;
            }

            at += 2 + length;
        }

        return false;
    }

    /// <summary>The markers of one tile-part header, up to its SOD.</summary>
    private static bool TilePartUsesHighThroughput(ReadOnlySpan<byte> cs, int at, int componentIndexBytes)
    {
        while (at + 2 <= cs.Length)
        {
            ushort marker = BinaryPrimitives.ReadUInt16BigEndian(cs[at..]);
            if (marker == SOD || (marker >> 8) != 0xFF || at + 4 > cs.Length)
            {
                return false;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(cs[(at + 2)..]);
            if (length < 2 || at + 2 + length > cs.Length)
            {
                return false;
            }

            ReadOnlySpan<byte> segment = cs.Slice(at + 4, length - 2);
            if ((marker == COD && segment.Length > 8 && (segment[8] & HighThroughputCodeBlocks) != 0)
                || (marker == COC && segment.Length > componentIndexBytes + 4 && (segment[componentIndexBytes + 4] & HighThroughputCodeBlocks) != 0))
            {
                return true;
            }

            at += 2 + length;
        }

        return false;
    }
}

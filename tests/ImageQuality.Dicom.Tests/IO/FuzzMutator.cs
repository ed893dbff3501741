using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Deterministic mutations of a DICOM file: the same file and seed always give the same variant and the same
/// description, so that a failure can be reproduced from the seed alone. Mutations aim at the structure:
/// length fields, VR codes, item tags and element boundaries found by a light scan of the bytes. A deflated
/// data set is mutated after inflating it and deflated again, so that its reader sees structured damage
/// rather than only a corrupt compressed stream.
/// </summary>
internal sealed class FuzzMutator
{
    private static readonly uint[] InterestingValues = [0xFFFFFFFF, 0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0, 1, 0x10000];
    private static readonly string[] VRCodes = ["SQ", "UN", "OB", "OW", "US", "UL", "UT", "LO", "AT", "FD", "XX", "\0\0", "sq"];

    private static readonly string[] TransferSyntaxUids =
    [
        "1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.5",
        "1.2.840.10008.1.2.1.99", "1.2.840.10008.1.2.4.50", "1.2.3",
    ];

    private readonly byte[] _original;
    private readonly int _metaEnd;
    private readonly byte[]? _inflated;
    private readonly int[] _hotOriginal;
    private readonly int[] _hotInflated;

    public FuzzMutator(byte[] original, bool deflated)
    {
        _original = original;
        _metaEnd = MetaEnd(original);
        if (deflated && _metaEnd < original.Length)
        {
            _inflated = Inflate(original.AsSpan(_metaEnd));
        }

        _hotOriginal = HotSpots(original);
        _hotInflated = _inflated is null ? [] : HotSpots(_inflated);
    }

    /// <summary>The variant for <paramref name="seed"/>, and what was done, for the failure message.</summary>
    public (byte[] Bytes, string Mutation) Mutate(int seed)
    {
        var random = new Random(seed);
        bool insideDeflate = _inflated is not null && random.Next(4) != 0;
        byte[] bytes = insideDeflate ? _inflated! : _original;
        int[] hot = insideDeflate ? _hotInflated : _hotOriginal;
        var log = new StringBuilder(insideDeflate ? "inflated data set: " : "");
        int count = random.Next(5) == 0 ? 2 : 1;
        for (int i = 0; i < count; i++)
        {
            bytes = MutateOnce(bytes, hot, random, log);
        }

        if (insideDeflate)
        {
            bytes = [.. _original.AsSpan(0, _metaEnd), .. Deflate(bytes)];
        }

        return (bytes, log.ToString());
    }

    private static byte[] MutateOnce(byte[] input, int[] hot, Random random, StringBuilder log)
    {
        byte[] b = (byte[])input.Clone();
        if (b.Length == 0)
        {
            log.Append("empty; ");
            return b;
        }

        switch (random.Next(8))
        {
            case 7:
                {
                    // The data set read in another encoding than its own.
                    int at = b.AsSpan().IndexOf("\u0002\0\u0010\0UI"u8);
                    if (at < 0 || at + 8 > b.Length)
                    {
                        log.Append("no transfer syntax to change; ");
                        return b;
                    }

                    int length = BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at + 6));
                    string uid = TransferSyntaxUids[random.Next(TransferSyntaxUids.Length)];
                    Span<byte> value = b.AsSpan(at + 8, Math.Min(length, b.Length - at - 8));
                    if (uid.Length > value.Length)
                    {
                        log.Append("transfer syntax field too short; ");
                        return b;
                    }

                    value.Clear();
                    System.Text.Encoding.ASCII.GetBytes(uid, value);
                    log.Append($"transfer syntax = {uid}; ");
                    return b;
                }

            case 0:
                {
                    int at = Offset(b, hot, random);
                    log.Append($"truncate at {at}; ");
                    return b[..at];
                }

            case 1:
                {
                    int n = random.Next(1, 5);
                    for (int i = 0; i < n; i++)
                    {
                        int at = Offset(b, hot, random);
                        byte value = (byte)random.Next(256);
                        log.Append($"byte {at} = {value:X2}; ");
                        b[at] = value;
                    }

                    return b;
                }

            case 2:
                {
                    int at = Math.Min(Offset(b, hot, random), Math.Max(0, b.Length - 4));
                    uint value = random.Next(3) == 0
                        ? (uint)(b.Length - at - 4 + random.Next(1, 9)) // just over what remains
                        : InterestingValues[random.Next(InterestingValues.Length)];
                    if (b.Length - at >= 4)
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), value);
                    }

                    log.Append($"uint32 {at} = {value:X8}; ");
                    return b;
                }

            case 3:
                {
                    int at = Math.Min(Offset(b, hot, random), Math.Max(0, b.Length - 2));
                    ushort value = random.Next(3) switch { 0 => 0xFFFF, 1 => 0xFFFE, _ => (ushort)random.Next(1, 0x10000) };
                    if (b.Length - at >= 2)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), value);
                    }

                    log.Append($"uint16 {at} = {value:X4}; ");
                    return b;
                }

            case 4:
                {
                    int from = Offset(b, hot, random);
                    int length = Math.Min(random.Next(1, 4097), b.Length - from);
                    int to = Offset(b, hot, random);
                    log.Append($"copy {length} bytes from {from} to {to}; ");
                    return [.. b.AsSpan(0, to), .. b.AsSpan(from, length), .. b.AsSpan(to)];
                }

            case 5:
                {
                    int from = Offset(b, hot, random);
                    int length = Math.Min(random.Next(1, 4097), b.Length - from);
                    log.Append($"remove {length} bytes at {from}; ");
                    return [.. b.AsSpan(0, from), .. b.AsSpan(from + length)];
                }

            default:
                {
                    int at = Math.Min(Offset(b, hot, random), Math.Max(0, b.Length - 2));
                    string vr = VRCodes[random.Next(VRCodes.Length)];
                    if (b.Length - at >= 2)
                    {
                        b[at] = (byte)vr[0];
                        b[at + 1] = (byte)vr[1];
                    }

                    log.Append($"VR at {at} = '{vr.Replace("\0", "\\0", StringComparison.Ordinal)}'; ");
                    return b;
                }
        }
    }

    /// <summary>Mostly a structural spot (a VR code, a length field, an item tag); sometimes anywhere, mostly in the header.</summary>
    private static int Offset(byte[] b, int[] hot, Random random)
    {
        int roll = random.Next(10);
        if (roll < 6 && hot.Length > 0)
        {
            return Math.Clamp(hot[random.Next(hot.Length)], 0, b.Length - 1);
        }

        return roll < 9 ? random.Next(Math.Min(b.Length, 8192)) : random.Next(b.Length);
    }

    /// <summary>Where element headers seem to be: before and after each VR code, and at item tags and their lengths.</summary>
    private static int[] HotSpots(byte[] b)
    {
        var spots = new List<int>();
        for (int i = 4; i + 2 <= b.Length && spots.Count < 20000; i++)
        {
            if (b[i] is >= (byte)'A' and <= (byte)'Z' && DicomVR.TryParse(b[i], b[i + 1], out DicomVR vr))
            {
                spots.Add(i - 4);
                spots.Add(i);
                spots.Add(vr.HasLongLength ? i + 4 : i + 2);
            }
            else if (i + 4 <= b.Length && ((b[i] == 0xFE && b[i + 1] == 0xFF && b[i + 3] == 0xE0) || (b[i] == 0xFF && b[i + 1] == 0xFE && b[i + 2] == 0xE0)))
            {
                spots.Add(i);
                spots.Add(i + 4);
            }
        }

        return [.. spots.Where(s => s < b.Length)];
    }

    /// <summary>The end of the file meta information by its group length, or 0 when there is none to trust.</summary>
    public static int MetaEnd(byte[] b)
    {
        if (b.Length < 144 || !b.AsSpan(128, 4).SequenceEqual("DICM"u8) || BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(132)) != 2)
        {
            return 0;
        }

        long end = 144L + BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(140));
        return end <= b.Length ? (int)end : 0;
    }

    public static byte[] Inflate(ReadOnlySpan<byte> deflated)
    {
        using var input = new MemoryStream(deflated.ToArray());
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        try
        {
            inflater.CopyTo(output);
        }
        catch (InvalidDataException)
        {
            // Keep what came out before the damage.
        }

        return output.ToArray();
    }

    public static byte[] Deflate(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream();
        using (var deflater = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflater.Write(bytes);
        }

        return output.ToArray();
    }
}

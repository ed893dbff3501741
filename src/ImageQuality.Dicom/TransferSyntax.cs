using System.Collections.Frozen;

namespace ImageQuality.Dicom;

/// <summary>
/// A transfer syntax (PS3.5 10): how the data set after the file meta information is encoded.
/// Unknown UIDs are treated as explicit VR little endian with encapsulated pixel data, which is what every
/// compressed syntax defined so far uses (PS3.5 A.4).
/// </summary>
public sealed class TransferSyntax : IEquatable<TransferSyntax>
{
    private TransferSyntax(string uid, string name, bool isExplicitVR, bool isBigEndian, bool isDeflated, bool isEncapsulated, bool isLossy)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = isExplicitVR;
        IsBigEndian = isBigEndian;
        IsDeflated = isDeflated;
        IsEncapsulated = isEncapsulated;
        IsLossy = isLossy;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    /// <summary>Only Explicit VR Big Endian (retired, still received from old modalities).</summary>
    public bool IsBigEndian { get; }

    /// <summary>The whole data set is a raw deflate stream (RFC 1951) after the file meta information.</summary>
    public bool IsDeflated { get; }

    /// <summary>Pixel data is a sequence of fragments holding compressed frames (PS3.5 A.4).</summary>
    public bool IsEncapsulated { get; }

    public bool IsLossy { get; }

    /// <summary>Whether this toolkit knows the UID, rather than assuming the encapsulated default for it.</summary>
    public bool IsKnown => Known.ContainsKey(Uid);

    public static readonly TransferSyntax ImplicitVRLittleEndian = new("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false, false);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false, false);
    public static readonly TransferSyntax EncapsulatedUncompressedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", true, false, false, true, false);
    public static readonly TransferSyntax DeflatedExplicitVRLittleEndian = new("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false, false);
    public static readonly TransferSyntax ExplicitVRBigEndian = new("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, false, false);
    public static readonly TransferSyntax JPEGBaseline8Bit = Encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", lossy: true);
    public static readonly TransferSyntax JPEGExtended12Bit = Encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", lossy: true);
    public static readonly TransferSyntax JPEGLossless = Encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", lossy: false);
    public static readonly TransferSyntax JPEGLosslessSV1 = Encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", lossy: false);
    public static readonly TransferSyntax JPEGLSLossless = Encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", lossy: false);
    public static readonly TransferSyntax JPEGLSNearLossless = Encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", lossy: true);
    public static readonly TransferSyntax JPEG2000Lossless = Encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", lossy: false);
    public static readonly TransferSyntax JPEG2000 = Encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", lossy: true);
    public static readonly TransferSyntax JPEG2000MCLossless = Encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", lossy: false);
    public static readonly TransferSyntax JPEG2000MC = Encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", lossy: true);
    public static readonly TransferSyntax HTJ2KLossless = Encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", lossy: false);
    public static readonly TransferSyntax HTJ2KLosslessRPCL = Encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", lossy: false);
    public static readonly TransferSyntax HTJ2K = Encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", lossy: true);
    public static readonly TransferSyntax RLELossless = Encapsulated("1.2.840.10008.1.2.5", "RLE Lossless", lossy: false);
    public static readonly TransferSyntax DeflatedImageFrameCompression = Encapsulated("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", lossy: false);

    // JPIP references carry no pixel data of their own: the data set itself is plain explicit VR.
    public static readonly TransferSyntax JPIPReferenced = new("1.2.840.10008.1.2.4.94", "JPIP Referenced", true, false, false, false, false);
    public static readonly TransferSyntax JPIPReferencedDeflate = new("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", true, false, true, false, false);

    private static readonly FrozenDictionary<string, TransferSyntax> Known = new[]
    {
        ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian,
        DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, JPEGBaseline8Bit, JPEGExtended12Bit, JPEGLossless,
        JPEGLosslessSV1, JPEGLSLossless, JPEGLSNearLossless, JPEG2000Lossless, JPEG2000, JPEG2000MCLossless,
        JPEG2000MC, HTJ2KLossless, HTJ2KLosslessRPCL, HTJ2K, RLELossless, DeflatedImageFrameCompression,
        JPIPReferenced, JPIPReferencedDeflate,
        Encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", lossy: false),
        Encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.53", "JPEG Spectral Selection, Non-Hierarchical (Process 6 & 8)", lossy: true),
        Encapsulated("1.2.840.10008.1.2.4.55", "JPEG Full Progression, Non-Hierarchical (Process 10 & 12)", lossy: true),
    }.ToFrozenDictionary(ts => ts.Uid, StringComparer.Ordinal);

    /// <summary>All transfer syntaxes this toolkit knows by UID.</summary>
    public static IEnumerable<TransferSyntax> All => Known.Values;

    /// <summary>The syntaxes the writer can produce from any data set (PS3.5 A.1, A.2, A.5 and retired A.3).</summary>
    public static IReadOnlyList<TransferSyntax> NativeSyntaxes { get; } =
        [ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian, DeflatedExplicitVRLittleEndian];

    /// <summary>The syntax of a UID; an unknown UID gets the encapsulated explicit VR little endian default.</summary>
    public static TransferSyntax Lookup(string uid)
    {
        string trimmed = uid.TrimEnd('\0', ' ').Trim();
        return Known.TryGetValue(trimmed, out TransferSyntax? ts)
            ? ts
            : new TransferSyntax(trimmed, $"Unknown transfer syntax {trimmed}", true, false, false, true, false);
    }

    private static TransferSyntax Encapsulated(string uid, string name, bool lossy) => new(uid, name, true, false, false, true, lossy);

    public bool Equals(TransferSyntax? other) => other is not null && Uid == other.Uid;

    public override bool Equals(object? obj) => Equals(obj as TransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => $"{Name} ({Uid})";
}

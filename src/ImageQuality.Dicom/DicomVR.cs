namespace ImageQuality.Dicom;

/// <summary>A value representation of PS3.5 6.2, identified by its two-character code.</summary>
public readonly struct DicomVR : IEquatable<DicomVR>
{
    private DicomVR(ushort code) => Code = code;

    /// <summary>The two ASCII characters as they appear in an explicit VR header, first character in the high byte.</summary>
    public ushort Code { get; }

    public static readonly DicomVR None = default;
    public static readonly DicomVR AE = From('A', 'E');
    public static readonly DicomVR AS = From('A', 'S');
    public static readonly DicomVR AT = From('A', 'T');
    public static readonly DicomVR CS = From('C', 'S');
    public static readonly DicomVR DA = From('D', 'A');
    public static readonly DicomVR DS = From('D', 'S');
    public static readonly DicomVR DT = From('D', 'T');
    public static readonly DicomVR FD = From('F', 'D');
    public static readonly DicomVR FL = From('F', 'L');
    public static readonly DicomVR IS = From('I', 'S');
    public static readonly DicomVR LO = From('L', 'O');
    public static readonly DicomVR LT = From('L', 'T');
    public static readonly DicomVR OB = From('O', 'B');
    public static readonly DicomVR OD = From('O', 'D');
    public static readonly DicomVR OF = From('O', 'F');
    public static readonly DicomVR OL = From('O', 'L');
    public static readonly DicomVR OV = From('O', 'V');
    public static readonly DicomVR OW = From('O', 'W');
    public static readonly DicomVR PN = From('P', 'N');
    public static readonly DicomVR SH = From('S', 'H');
    public static readonly DicomVR SL = From('S', 'L');
    public static readonly DicomVR SQ = From('S', 'Q');
    public static readonly DicomVR SS = From('S', 'S');
    public static readonly DicomVR ST = From('S', 'T');
    public static readonly DicomVR SV = From('S', 'V');
    public static readonly DicomVR TM = From('T', 'M');
    public static readonly DicomVR UC = From('U', 'C');
    public static readonly DicomVR UI = From('U', 'I');
    public static readonly DicomVR UL = From('U', 'L');
    public static readonly DicomVR UN = From('U', 'N');
    public static readonly DicomVR UR = From('U', 'R');
    public static readonly DicomVR US = From('U', 'S');
    public static readonly DicomVR UT = From('U', 'T');
    public static readonly DicomVR UV = From('U', 'V');

    /// <summary>Every VR of PS3.5 table 6.2-1.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH,
        SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    private static DicomVR From(char a, char b) => new((ushort)((a << 8) | b));

    /// <summary>Recognises a VR from the two bytes of an explicit VR header.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = new DicomVR((ushort)((first << 8) | second));
        return vr.IsKnown;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DicomVR vr)
    {
        vr = default;
        return text.Length == 2 && text[0] < 128 && text[1] < 128 && TryParse((byte)text[0], (byte)text[1], out vr);
    }

    public static DicomVR Parse(string text) =>
        TryParse(text, out DicomVR vr) ? vr : throw new ArgumentException($"'{text}' is not a DICOM VR.", nameof(text));

    public bool IsKnown => Kind != VRKind.Unknown;

    /// <summary>
    /// In explicit VR encodings these VRs have two reserved bytes and a 32-bit length (PS3.5 7.1.2);
    /// all others have a 16-bit length.
    /// </summary>
    public bool HasLongLength => Code switch
    {
        0x4F42 or 0x4F44 or 0x4F46 or 0x4F4C or 0x4F56 or 0x4F57 // OB OD OF OL OV OW
            or 0x5351 or 0x5543 or 0x554E or 0x5552 or 0x5554 // SQ UC UN UR UT
            or 0x5356 or 0x5556 => true, // SV UV
        _ => false,
    };

    /// <summary>Values are character strings (PS3.5 6.2), padded with a space (or NUL for UI) to even length.</summary>
    public bool IsString => Kind is VRKind.Text or VRKind.MultiText or VRKind.Uid;

    /// <summary>String VRs whose values are separated by backslash; LT, ST, UT and UR hold exactly one value.</summary>
    public bool IsMultiValuedString => Kind is VRKind.MultiText or VRKind.Uid;

    /// <summary>Text VRs decoded with the Specific Character Set; the others are in the default repertoire.</summary>
    public bool IsCharacterSetDependent => Code switch
    {
        0x4C4F or 0x4C54 or 0x504E or 0x5348 or 0x5354 or 0x5543 or 0x5554 => true, // LO LT PN SH ST UC UT
        _ => false,
    };

    /// <summary>The byte that pads a value to even length.</summary>
    public byte PaddingByte => IsString && this != UI ? (byte)' ' : (byte)0;

    /// <summary>
    /// Size in bytes of one binary number (2 for US SS OW AT, 4 for UL SL FL OF OL, 8 for FD OD SV UV OV);
    /// the unit of byte swapping between little and big endian. 1 for bytes, strings and sequences.
    /// </summary>
    public int ByteSwapSize => Code switch
    {
        0x5553 or 0x5353 or 0x4F57 or 0x4154 => 2, // US SS OW AT
        0x554C or 0x534C or 0x464C or 0x4F46 or 0x4F4C => 4, // UL SL FL OF OL
        0x4644 or 0x4F44 or 0x5356 or 0x5556 or 0x4F56 => 8, // FD OD SV UV OV
        _ => 1,
    };

    /// <summary>Fixed-size binary numbers (US, SS, UL, SL, FL, FD, SV, UV, AT): VM is the length divided by the size.</summary>
    public bool IsBinaryNumber => Kind == VRKind.Number;

    /// <summary>Binary VRs holding a stream of bytes or words: OB, OD, OF, OL, OV, OW, UN.</summary>
    public bool IsBulk => Kind == VRKind.Bulk;

    /// <summary>The maximum length of one value in bytes (PS3.5 table 6.2-1), or 0 where the VR sets no such limit.</summary>
    public int MaxValueLength => Code switch
    {
        0x4145 => 16, // AE
        0x4153 => 4, // AS
        0x4353 => 16, // CS
        0x4441 => 8, // DA
        0x4453 => 16, // DS
        0x4454 => 26, // DT
        0x4953 => 12, // IS
        0x4C4F => 64, // LO (characters)
        0x4C54 => 10240, // LT (characters)
        0x504E => 64 * 5, // PN: 64 per component group, three groups
        0x5348 => 16, // SH (characters)
        0x5354 => 1024, // ST (characters)
        0x544D => 14, // TM (hhmmss.ffffff)
        0x5549 => 64, // UI
        _ => 0,
    };

    internal VRKind Kind => Code switch
    {
        0x4145 or 0x4153 or 0x4353 or 0x4441 or 0x4453 or 0x4454 or 0x4953 or 0x4C4F or 0x504E
            or 0x5348 or 0x544D or 0x5543 => VRKind.MultiText, // AE AS CS DA DS DT IS LO PN SH TM UC
        0x4C54 or 0x5354 or 0x5554 or 0x5552 => VRKind.Text, // LT ST UT UR
        0x5549 => VRKind.Uid,
        0x4154 or 0x4644 or 0x464C or 0x534C or 0x5353 or 0x5356 or 0x554C or 0x5553 or 0x5556 => VRKind.Number,
        0x4F42 or 0x4F44 or 0x4F46 or 0x4F4C or 0x4F56 or 0x4F57 or 0x554E => VRKind.Bulk,
        0x5351 => VRKind.Sequence,
        _ => VRKind.Unknown,
    };

    public bool Equals(DicomVR other) => Code == other.Code;

    public override bool Equals(object? obj) => obj is DicomVR vr && Equals(vr);

    public override int GetHashCode() => Code;

    public static bool operator ==(DicomVR a, DicomVR b) => a.Code == b.Code;

    public static bool operator !=(DicomVR a, DicomVR b) => a.Code != b.Code;

    public override string ToString() => Code == 0 ? "??" : new string([(char)(Code >> 8), (char)(Code & 0xFF)]);
}

internal enum VRKind : byte
{
    Unknown,
    Text,
    MultiText,
    Uid,
    Number,
    Bulk,
    Sequence,
}

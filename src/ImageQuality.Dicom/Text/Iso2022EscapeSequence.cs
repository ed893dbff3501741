namespace ImageQuality.Dicom.Text;

/// <summary>
/// Recognises the designation escape sequences of ISO/IEC 2022 that DICOM uses (PS3.3 C.12.1.1.2). Reading
/// accepts any sequence naming a known set, whether or not Specific Character Set declared it, and in either
/// code element a double-byte set can take: the bytes are unambiguous and files get the declaration wrong.
/// </summary>
internal static class Iso2022EscapeSequence
{
    public const byte Escape = 0x1B;

    /// <summary>
    /// Parses the sequence starting at <paramref name="bytes"/>[0] (an ESC). <paramref name="set"/> is null where
    /// G0 returns to ASCII (ISO-IR 6, or ISO-IR 14 whose JIS X 0201 romaji is read as ASCII).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out int length, out CodeElement element, out GraphicCharacterSet? set)
    {
        length = 0;
        element = CodeElement.G0;
        set = null;
        if (bytes.Length < 3 || bytes[0] != Escape)
        {
            return false;
        }

        switch (bytes[1])
        {
            case (byte)'(' when bytes[2] is (byte)'B' or (byte)'J':
                length = 3;
                return true;
            case (byte)')' when bytes[2] == (byte)'I':
                (length, element, set) = (3, CodeElement.G1, GraphicCharacterSets.IsoIr13);
                return true;
            case (byte)'-':
                set = NinetySixSet(bytes[2]);
                (length, element) = (3, CodeElement.G1);
                return set is not null;
            case (byte)'$' when bytes[2] is (byte)'@' or (byte)'A' or (byte)'B':
                // The short form ESC $ F designates to G0 (ISO/IEC 2022 13.2.2); '@' is JIS C 6226-1978, read as JIS X 0208.
                set = DoubleByteSet(bytes[2] == (byte)'@' ? (byte)'B' : bytes[2]);
                length = 3;
                return true;
            case (byte)'$' when bytes.Length >= 4 && bytes[2] is (byte)'(' or (byte)')':
                set = DoubleByteSet(bytes[3]);
                (length, element) = (4, bytes[2] == (byte)'(' ? CodeElement.G0 : CodeElement.G1);
                return set is not null;
            default:
                return false;
        }
    }

    private static GraphicCharacterSet? NinetySixSet(byte final) => final switch
    {
        (byte)'A' => GraphicCharacterSets.IsoIr100,
        (byte)'B' => GraphicCharacterSets.IsoIr101,
        (byte)'C' => GraphicCharacterSets.IsoIr109,
        (byte)'D' => GraphicCharacterSets.IsoIr110,
        (byte)'L' => GraphicCharacterSets.IsoIr144,
        (byte)'G' => GraphicCharacterSets.IsoIr127,
        (byte)'F' => GraphicCharacterSets.IsoIr126,
        (byte)'H' => GraphicCharacterSets.IsoIr138,
        (byte)'M' => GraphicCharacterSets.IsoIr148,
        (byte)'b' => GraphicCharacterSets.IsoIr203,
        (byte)'T' => GraphicCharacterSets.IsoIr166,
        _ => null,
    };

    private static GraphicCharacterSet? DoubleByteSet(byte final) => final switch
    {
        (byte)'A' => GraphicCharacterSets.IsoIr58,
        (byte)'B' => GraphicCharacterSets.IsoIr87,
        (byte)'C' => GraphicCharacterSets.IsoIr149,
        (byte)'D' => GraphicCharacterSets.IsoIr159,
        _ => null,
    };
}

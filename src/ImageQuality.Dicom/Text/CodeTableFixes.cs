namespace ImageQuality.Dicom.Text;

/// <summary>
/// Where a .NET code page strays from the registered ISO-IR set: codes it maps differently (corrected to the
/// Unicode consortium's tables, which Python and iconv follow), codes it adds beyond the registration (read, so
/// such data survives, but never written), and the code page's own characters for corrected codes (written as
/// those codes, so text from either mapping encodes).
/// </summary>
/// <param name="Corrections">Codes (byte, or row &lt;&lt; 8 | cell in 0x21..0x7E) and the characters they stand for.</param>
/// <param name="IsReadOnly">Codes outside the registered set, by the same numbering.</param>
/// <param name="WriteAliases">Further characters written as a given code.</param>
internal sealed record CodeTableFixes(
    (ushort Code, char Value)[] Corrections,
    Func<ushort, bool>? IsReadOnly = null,
    (char Value, ushort Code)[]? WriteAliases = null)
{
    public static readonly CodeTableFixes None = new([]);
}

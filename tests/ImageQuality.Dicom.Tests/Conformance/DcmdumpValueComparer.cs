using System.Globalization;
using System.Text;
using ImageQuality.Dicom.Formatting;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Compares one of our values with dcmdump's text for it, reading our bytes with the VR dcmdump used (so that a
/// VR difference, reported on its own, does not also show as a value difference).
/// </summary>
internal static class DcmdumpValueComparer
{
    /// <summary>Relative tolerance for FL, FD, OF and OD: dcmtk prints them with %g-style precision.</summary>
    private const double FloatTolerance = 1e-6;

    /// <summary>The VR whose rules dcmdump printed the value with; dcmtk's internal VRs mapped to the standard's.</summary>
    public static DicomVR InterpretationOf(string dcmtkVR) => dcmtkVR switch
    {
        "up" => DicomVR.UL, // dcmtk's "unsigned long pointer" of DICOMDIR offsets
        "xs" => DicomVR.US,
        "ox" or "pi" or "??" or "na" => DicomVR.OB,
        "lt" => DicomVR.OW,
        _ => DicomVR.TryParse(dcmtkVR, out DicomVR vr) ? vr : DicomVR.UN,
    };

    /// <summary>True when the values agree; otherwise our and their renderings for the report.</summary>
    public static bool Matches(DicomDataset owner, DicomTag tag, ReadOnlyMemory<byte> data, DcmdumpLine theirs, bool convertedToUtf8, out string ours, out string theirText)
    {
        theirText = theirs.Text;
        switch (theirs.Kind)
        {
            case DcmdumpLineKind.Empty:
                ours = data.Length == 0 ? theirs.Text : $"{data.Length} bytes";
                return data.Length == 0;
            case DcmdumpLineKind.NotLoaded:
                // -M: dcmtk did not load the value, only its length can be compared.
                ours = $"length {data.Length}";
                theirText = $"length {theirs.Length}";
                return data.Length == theirs.Length;
        }

        if (data.Length == 0)
        {
            ours = "(no value available)";
            return false;
        }

        DicomVR vr = InterpretationOf(theirs.VR);
        if (vr.IsString)
        {
            return StringsMatch(owner, tag, vr, data, theirs, convertedToUtf8, out ours, out theirText);
        }

        if (vr.IsBinaryNumber || vr == DicomVR.OF || vr == DicomVR.OD || vr == DicomVR.OL || vr == DicomVR.OV)
        {
            DicomVR numberVR = vr == DicomVR.OF ? DicomVR.FL : vr == DicomVR.OD ? DicomVR.FD : vr == DicomVR.OL ? DicomVR.UL : vr == DicomVR.OV ? DicomVR.UV : vr;
            ours = DicomTextDump.FormatNumbers(data.Span, numberVR);
            return NumbersMatch(ours, theirs.Text, numberVR);
        }

        // Pixel data makes these the longest values: compare in place, and format ours only to report a difference.
        int unit = vr == DicomVR.OW ? 2 : 1;
        if (HexEquals(theirs.Text, data.Span, unit))
        {
            ours = theirs.Text;
            return true;
        }

        ours = unit == 2 ? DicomTextDump.HexWords(data.Span, int.MaxValue) : DicomTextDump.HexBytes(data.Span, int.MaxValue);
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is <paramref name="data"/> as dcmdump prints it: backslash-separated
    /// lowercase hex of each byte (unit 1) or of each little endian 16-bit word (unit 2). A trailing odd byte of
    /// a word value is not printed.
    /// </summary>
    internal static bool HexEquals(ReadOnlySpan<char> text, ReadOnlySpan<byte> data, int unit)
    {
        int count = data.Length / unit;
        int digits = unit * 2;
        if (text.Length != (count == 0 ? 0 : (count * (digits + 1)) - 1))
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            ReadOnlySpan<char> field = text.Slice(i * (digits + 1), digits);
            if (i > 0 && text[(i * (digits + 1)) - 1] != '\\')
            {
                return false;
            }

            int value = unit == 2 ? data[(2 * i) + 1] << 8 | data[2 * i] : data[i];
            for (int d = 0; d < digits; d++)
            {
                int nibble = (value >> ((digits - 1 - d) * 4)) & 0xF;
                if (field[d] != "0123456789abcdef"[nibble])
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool StringsMatch(DicomDataset owner, DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> data, DcmdumpLine theirs, bool convertedToUtf8, out string ours, out string theirText)
    {
        string? bracketed = DcmdumpLineParser.BracketedText(theirs.Text);
        if (bracketed is null)
        {
            ours = Encoding.Latin1.GetString(data.Span);
            theirText = theirs.Text;
            return false;
        }

        byte[] bytes = DcmdumpLineParser.Unquote(bracketed);

        // +U8 converts only the VRs the Specific Character Set applies to (PS3.5 6.1.2.3); the others, and
        // every value when dcmtk could not convert, are the file's bytes as they are.
        if (convertedToUtf8 && vr.IsCharacterSetDependent)
        {
            theirText = Encoding.UTF8.GetString(bytes);
            ours = owner.DecodeString(new DicomElement(tag, vr, data));
        }
        else
        {
            theirText = Encoding.Latin1.GetString(bytes);
            ours = Encoding.Latin1.GetString(data.Span);
        }

        // dcmdump prints values with their padding; trailing spaces and NULs are padding (PS3.5 6.2), and our
        // DecodeString drops them.
        theirText = theirText.TrimEnd(' ', '\0');
        ours = ours.TrimEnd(' ', '\0');
        return string.Equals(ours, theirText, StringComparison.Ordinal);
    }

    private static bool NumbersMatch(string ours, string theirs, DicomVR vr)
    {
        if (vr != DicomVR.FL && vr != DicomVR.FD)
        {
            return string.Equals(ours, theirs, StringComparison.Ordinal);
        }

        string[] a = ours.Split('\\');
        string[] b = theirs.Split('\\');
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!TryParseFloat(a[i], vr, out double x) || !TryParseFloat(b[i], vr, out double y) || !Close(x, y))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Close(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return double.IsNaN(x) && double.IsNaN(y);
        }

        if (x == y)
        {
            return true;
        }

        return Math.Abs(x - y) <= FloatTolerance * Math.Max(Math.Abs(x), Math.Abs(y));
    }

    /// <summary>FL text is parsed as a 32-bit float, so that "1E-45" and "1.40129846e-45" are the same denormal.</summary>
    private static bool TryParseFloat(string s, DicomVR vr, out double value)
    {
        // C's printf spells the specials "nan", "-nan", "inf", "-inf".
        switch (s)
        {
            case "nan" or "-nan" or "NaN":
                value = double.NaN;
                return true;
            case "inf" or "∞" or "Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-∞" or "-Infinity":
                value = double.NegativeInfinity;
                return true;
        }

        if (vr == DicomVR.FL)
        {
            bool ok = float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out float single);
            value = single;
            return ok;
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}

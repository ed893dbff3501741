using System.Globalization;
using System.Text;

namespace ImageQuality.Dicom.Values;

/// <summary>The per-VR rules of PS3.5 table 6.2-1 for one value (no backslash-separated lists).</summary>
internal static class DicomSingleValueRules
{
    private const int MaxQuotedLength = 64;

    public static void Check(DicomVR vr, ReadOnlySpan<char> value, int? index, ICollection<DicomValueProblem> problems)
    {
        if (value.IsEmpty || !vr.IsString)
        {
            return;
        }

        var context = new Context(vr, value, index, problems);
        switch ((char)(vr.Code >> 8), (char)(vr.Code & 0xFF))
        {
            case ('A', 'E'):
                CheckApplicationEntity(context);
                break;
            case ('A', 'S'):
                CheckAge(context);
                break;
            case ('C', 'S'):
                CheckLength(context, 16);
                CheckCharacters(context, static c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or ' ' or '_');
                break;
            case ('D', 'A'):
                CheckDateOrTime(context, static c => AsciiDigits.IsDigit(c) || c is '.' or ' ', static s => DicomDate.TryParse(s, out _, out DicomParseRemarks r) ? r : null);
                break;
            case ('T', 'M'):
                CheckDateOrTime(context, static c => AsciiDigits.IsDigit(c) || c is '.' or ':' or ' ', static s => DicomTime.TryParse(s, out _, out _, out DicomParseRemarks r) ? r : null);
                break;
            case ('D', 'T'):
                CheckDateOrTime(context, static c => AsciiDigits.IsDigit(c) || c is '.' or '+' or '-' or ' ', static s => DicomDateTime.TryParse(s, out _, out DicomParseRemarks r) ? r : null);
                break;
            case ('D', 'S'):
                CheckDecimal(context);
                break;
            case ('I', 'S'):
                CheckInteger(context);
                break;
            case ('L', 'O'):
                CheckTextLength(context, value, 64);
                CheckCharacters(context, IsAllowedInLine);
                break;
            case ('S', 'H'):
                CheckTextLength(context, value, 16);
                CheckCharacters(context, IsAllowedInLine);
                break;
            case ('U', 'C'):
                CheckCharacters(context, IsAllowedInLine);
                break;
            case ('P', 'N'):
                CheckPersonName(context);
                break;
            case ('S', 'T'):
                CheckTextLength(context, value, 1024);
                CheckCharacters(context, IsAllowedInText);
                break;
            case ('L', 'T'):
                CheckTextLength(context, value, 10240);
                CheckCharacters(context, IsAllowedInText);
                break;
            case ('U', 'T'):
                CheckCharacters(context, IsAllowedInText);
                break;
            case ('U', 'I'):
                CheckUid(context);
                break;
            case ('U', 'R'):
                CheckUri(context);
                break;
        }
    }

    /// <summary>Values of these VRs name no one, so messages may quote them.</summary>
    private static bool MayQuote(DicomVR vr) =>
        vr == DicomVR.UI || vr == DicomVR.CS || vr == DicomVR.DA || vr == DicomVR.TM || vr == DicomVR.DT
        || vr == DicomVR.DS || vr == DicomVR.IS || vr == DicomVR.AS;

    private static void CheckApplicationEntity(in Context context)
    {
        CheckLength(context, 16);
        CheckCharacters(context, static c => c is >= ' ' and <= '~' and not '\\');
        if (context.Value.Trim(' ').IsEmpty)
        {
            context.Report(DicomValueProblemCode.InvalidFormat, "is only spaces, which an AE title must not be.");
        }
    }

    private static void CheckAge(in Context context)
    {
        if (!CheckCharacters(context, static c => AsciiDigits.IsDigit(c) || c is 'D' or 'W' or 'M' or 'Y'))
        {
            return;
        }

        // Exactly four characters, no padding: "nnnU".
        if (context.Value.Length != 4 || !DicomAge.TryParse(context.Value, out _))
        {
            context.Report(DicomValueProblemCode.InvalidFormat, "is not an age of the form nnnD, nnnW, nnnM or nnnY.");
        }
    }

    private static void CheckDateOrTime(in Context context, Func<char, bool> allowed, Func<ReadOnlySpan<char>, DicomParseRemarks?> parse)
    {
        if (!CheckCharacters(context, allowed))
        {
            return;
        }

        DicomParseRemarks? remarks = parse(context.Value);
        if (remarks is null)
        {
            string form = context.VR == DicomVR.DA ? "YYYYMMDD"
                : context.VR == DicomVR.TM ? "HH[MM[SS[.F{1-6}]]]"
                : "YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&ZZXX]";
            context.Report(DicomValueProblemCode.InvalidFormat, $"is not a valid {form}.");
        }
        else if ((remarks.Value & DicomParseRemarks.RetiredFormat) != 0)
        {
            context.Report(
                DicomValueProblemCode.RetiredFormat,
                context.VR == DicomVR.DA ? "uses the retired ACR-NEMA form YYYY.MM.DD." : "uses the retired ACR-NEMA form HH:MM:SS.frac.");
        }
    }

    private static void CheckDecimal(in Context context)
    {
        CheckLength(context, DicomDecimalString.MaxLength);
        if (!CheckCharacters(context, static c => AsciiDigits.IsDigit(c) || c is '+' or '-' or 'E' or 'e' or '.' or ' '))
        {
            return;
        }

        ReadOnlySpan<char> number = context.Value.Trim(' ');
        if (!DicomDecimalString.IsWellFormed(number))
        {
            context.Report(DicomValueProblemCode.InvalidFormat, "is not a decimal number.");
        }
        else if (!DicomDecimalString.TryParse(number, out double _))
        {
            context.Report(DicomValueProblemCode.OutOfRange, "is beyond the range of a double.");
        }
    }

    private static void CheckInteger(in Context context)
    {
        CheckLength(context, DicomIntegerString.MaxLength);
        if (!CheckCharacters(context, static c => AsciiDigits.IsDigit(c) || c is '+' or '-' or ' '))
        {
            return;
        }

        ReadOnlySpan<char> number = context.Value.Trim(' ');
        if (!DicomIntegerString.IsWellFormed(number))
        {
            context.Report(DicomValueProblemCode.InvalidFormat, "is not an integer.");
        }
        else if (!DicomIntegerString.TryParse(number, out int _))
        {
            context.Report(DicomValueProblemCode.OutOfRange, "is outside -2147483648..2147483647.");
        }
    }

    private static void CheckPersonName(in Context context)
    {
        CheckCharacters(context, IsAllowedInLine);
        int groupCount = 0;
        foreach (Range range in context.Value.Split('='))
        {
            ReadOnlySpan<char> group = context.Value[range];
            groupCount++;
            if (groupCount == 4)
            {
                context.Report(DicomValueProblemCode.InvalidFormat, "has more than three component groups.");
            }

            if (group.Count('^') > 4)
            {
                context.Report(
                    DicomValueProblemCode.InvalidFormat,
                    string.Create(CultureInfo.InvariantCulture, $"has more than five components in component group {groupCount}."));
            }

            int length = CountCharacters(group);
            if (length > 64)
            {
                context.Report(
                    DicomValueProblemCode.TooLong,
                    string.Create(CultureInfo.InvariantCulture, $"has a component group {groupCount} of {length} characters; at most 64 are allowed."));
            }
        }
    }

    private static void CheckUid(in Context context)
    {
        CheckLength(context, 64);
        if (!CheckCharacters(context, static c => AsciiDigits.IsDigit(c) || c == '.'))
        {
            return;
        }

        // PS3.5 9.1: components of one or more digits, no leading zero except for the component "0".
        foreach (Range range in context.Value.Split('.'))
        {
            ReadOnlySpan<char> component = context.Value[range];
            if (component.IsEmpty)
            {
                context.Report(DicomValueProblemCode.InvalidFormat, "has an empty component.");
                return;
            }

            if (component.Length > 1 && component[0] == '0')
            {
                context.Report(DicomValueProblemCode.InvalidFormat, "has a component with a leading zero.");
                return;
            }
        }
    }

    private static void CheckUri(in Context context)
    {
        // Trailing spaces are padding and ignored (PS3.5 table 6.2-1); leading ones are not allowed.
        ReadOnlySpan<char> uri = context.Value.TrimEnd(' ');
        if (uri.Length > 0 && uri[0] == ' ')
        {
            context.Report(DicomValueProblemCode.InvalidFormat, "must not begin with a space.");
            uri = uri.TrimStart(' ');
        }

        var trimmed = new Context(context.VR, uri, context.Index, context.Problems);
        if (!CheckCharacters(trimmed, IsUriCharacter))
        {
            return;
        }

        for (int i = 0; i < uri.Length; i++)
        {
            if (uri[i] == '%' && (i + 2 >= uri.Length || !char.IsAsciiHexDigit(uri[i + 1]) || !char.IsAsciiHexDigit(uri[i + 2])))
            {
                context.Report(DicomValueProblemCode.InvalidFormat, "has a '%' not followed by two hexadecimal digits.");
                return;
            }
        }
    }

    /// <summary>RFC 3986 section 2: unreserved, reserved and '%' of percent-encoding.</summary>
    private static bool IsUriCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '?' or '#' or '[' or ']' or '@'
            or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '%';

    /// <summary>LO, SH, PN, UC: no control character but ESC (which switches character sets), no backslash.</summary>
    private static bool IsAllowedInLine(char c) => c != '\\' && (!IsControl(c) || c == '\u001B');

    /// <summary>ST, LT, UT: also TAB, LF, FF and CR (PS3.5 6.1.3), and the backslash because they hold one value.</summary>
    private static bool IsAllowedInText(char c) => !IsControl(c) || c is '\t' or '\n' or '\f' or '\r' or '\u001B';

    private static bool IsControl(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F';

    private static void CheckLength(in Context context, int maximum)
    {
        if (context.Value.Length > maximum)
        {
            context.Report(
                DicomValueProblemCode.TooLong,
                string.Create(CultureInfo.InvariantCulture, $"is {context.Value.Length} bytes long; at most {maximum} are allowed."));
        }
    }

    /// <summary>Limits of the character-set dependent VRs count characters, whatever their encoded size.</summary>
    private static void CheckTextLength(in Context context, ReadOnlySpan<char> text, int maximum)
    {
        int length = CountCharacters(text);
        if (length > maximum)
        {
            context.Report(
                DicomValueProblemCode.TooLong,
                string.Create(CultureInfo.InvariantCulture, $"is {length} characters long; at most {maximum} are allowed."));
        }
    }

    private static int CountCharacters(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Reports the first character the VR does not allow; true when there is none.</summary>
    private static bool CheckCharacters(in Context context, Func<char, bool> allowed)
    {
        ReadOnlySpan<char> value = context.Value;
        for (int i = 0; i < value.Length; i++)
        {
            if (!allowed(value[i]))
            {
                string what = value[i] == '\\' ? "a backslash" : $"U+{(int)value[i]:X4}";
                context.Report(
                    DicomValueProblemCode.InvalidCharacter,
                    string.Create(CultureInfo.InvariantCulture, $"contains {what} at position {i + 1}, which {context.VR} does not allow."));
                return false;
            }
        }

        return true;
    }

    private static string Quote(ReadOnlySpan<char> value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxQuotedLength) + 8);
        builder.Append('"');
        foreach (char c in value.Length > MaxQuotedLength ? value[..MaxQuotedLength] : value)
        {
            if (c is >= ' ' and <= '~' and not '"' and not '\\')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        builder.Append(value.Length > MaxQuotedLength ? "\"…" : "\"");
        return builder.ToString();
    }

    private readonly ref struct Context(DicomVR vr, ReadOnlySpan<char> value, int? index, ICollection<DicomValueProblem> problems)
    {
        public DicomVR VR { get; } = vr;

        public ReadOnlySpan<char> Value { get; } = value;

        public int? Index { get; } = index;

        public ICollection<DicomValueProblem> Problems { get; } = problems;

        public void Report(DicomValueProblemCode code, string message)
        {
            string subject = MayQuote(VR) ? Quote(Value) : "The value";
            Problems.Add(new DicomValueProblem(code, VR, Index, subject + " " + message));
        }
    }
}

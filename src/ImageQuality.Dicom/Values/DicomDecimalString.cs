using System.Globalization;

namespace ImageQuality.Dicom.Values;

/// <summary>The DS value representation (PS3.5 table 6.2-1): a fixed or floating point decimal of at most 16 bytes.</summary>
public static class DicomDecimalString
{
    /// <summary>PS3.5 table 6.2-1: a DS value is at most 16 bytes.</summary>
    public const int MaxLength = 16;

    /// <summary>
    /// Parses one DS value: leading and trailing spaces, then [+-] digits [. digits] [(E|e) [+-] digits]
    /// (at least one mantissa digit). NaN, infinities and values that overflow a double are rejected: DS has no
    /// such values. Values longer than 16 bytes are parsed anyway because some writers exceed the limit;
    /// <see cref="DicomValueValidator"/> reports them.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out double value)
    {
        value = 0;
        s = s.Trim(' ');
        return IsWellFormed(s)
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    /// <summary>Parses one DS value as <see cref="decimal"/> (same grammar); false where it overflows decimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out decimal value)
    {
        value = 0;
        s = s.Trim(' ');
        return IsWellFormed(s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Text of at most 16 characters whose value is closest to <paramref name="value"/>: the shortest digits that
    /// read back as the same double when they fit, else the value rounded to as many significant digits as fit.
    /// Fixed notation is used when it fits ("100000", "0.00000015"), else exponent notation ("1E16"). A leading
    /// "0." is kept for numbers below one although ".5" would be legal and a digit shorter, because every reader
    /// accepts it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity, which DS cannot hold.</exception>
    public static string Format(double value)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        if (!TryFormat(value, buffer, out int written))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "DS cannot hold NaN or infinity.");
        }

        return new string(buffer[..written]);
    }

    /// <summary>As <see cref="Format(double)"/>; false for NaN, infinities or a destination shorter than needed.</summary>
    public static bool TryFormat(double value, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!double.IsFinite(value))
        {
            return false;
        }

        if (value == 0)
        {
            // Negative zero too: "-0" is legal but readers gain nothing from it.
            return TryWrite("0", destination, out charsWritten);
        }

        Span<char> shortestDigits = stackalloc char[17];
        Span<char> digits = stackalloc char[17];
        Span<char> text = stackalloc char[32];

        // "R" yields the fewest digits that read back as the same double.
        value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        Decompose(text[..length], shortestDigits, out int shortest, out int shortestExponent);
        if (Layout(value < 0, shortestDigits[..shortest], shortestExponent, text) is var laidOut and <= MaxLength)
        {
            return TryWrite(text[..laidOut], destination, out charsWritten);
        }

        // Rounding to p significant digits gives the closest p-digit decimal, and fewer digits are never closer,
        // so the first p that fits is the best 16-character representation.
        Span<char> format = stackalloc char[3];
        for (int precision = shortest - 1; precision >= 1; precision--)
        {
            format[0] = 'E';
            int formatLength = 1 + (precision - 1 >= 10 ? 2 : 1);
            AsciiDigits.Write(format[1..formatLength], precision - 1, formatLength - 1);
            value.TryFormat(text, out length, format[..formatLength], CultureInfo.InvariantCulture);
            Decompose(text[..length], digits, out int digitCount, out int exponent);
            int candidate = Layout(value < 0, digits[..digitCount], exponent, text);
            if (candidate > MaxLength)
            {
                continue;
            }

            if (!double.IsFinite(double.Parse(text[..candidate], NumberStyles.Float, CultureInfo.InvariantCulture)))
            {
                // Near ±double.MaxValue rounding up overflows; truncating the exact digits stays in range.
                digitCount = precision;
                shortestDigits[..digitCount].CopyTo(digits);
                while (digitCount > 1 && digits[digitCount - 1] == '0')
                {
                    digitCount--;
                }

                candidate = Layout(value < 0, digits[..digitCount], shortestExponent, text);
                if (candidate > MaxLength)
                {
                    continue;
                }
            }

            return TryWrite(text[..candidate], destination, out charsWritten);
        }

        // Unreachable: one digit always fits ("-1E-308" is 7 characters).
        return false;
    }

    /// <summary>[+-] (digits [. digits*] | . digits) [(E|e) [+-] digits], nothing else.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        int mantissaDigits = 0;
        while (i < s.Length && AsciiDigits.IsDigit(s[i]))
        {
            i++;
            mantissaDigits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && AsciiDigits.IsDigit(s[i]))
            {
                i++;
                mantissaDigits++;
            }
        }

        if (mantissaDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'E' or 'e')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            int exponentDigits = 0;
            while (i < s.Length && AsciiDigits.IsDigit(s[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    /// <summary>
    /// Splits .NET's "R" or "E" output (e.g. "-1.25E-05", "123.5") into significant digits without leading or
    /// trailing zeros and the decimal exponent of the first digit.
    /// </summary>
    private static void Decompose(ReadOnlySpan<char> text, Span<char> digits, out int digitCount, out int exponent)
    {
        digitCount = 0;
        exponent = 0;
        int pointPosition = -1;
        int firstNonZero = -1;
        int index = 0;
        int e = text.IndexOfAny('E', 'e');
        ReadOnlySpan<char> mantissa = e >= 0 ? text[..e] : text;
        foreach (char c in mantissa)
        {
            if (c == '.')
            {
                pointPosition = index;
                continue;
            }

            if (!AsciiDigits.IsDigit(c))
            {
                continue;
            }

            if (firstNonZero < 0 && c != '0')
            {
                firstNonZero = index;
            }

            if (firstNonZero >= 0 && digitCount < digits.Length)
            {
                digits[digitCount++] = c;
            }

            index++;
        }

        if (pointPosition < 0)
        {
            pointPosition = index;
        }

        while (digitCount > 1 && digits[digitCount - 1] == '0')
        {
            digitCount--;
        }

        exponent = pointPosition - firstNonZero - 1;
        if (e >= 0)
        {
            exponent += int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Writes d.ddd × 10^exponent in fixed notation when that fits <see cref="MaxLength"/>, else in exponent
    /// notation, and returns the length; the destination must hold 32 characters.
    /// </summary>
    private static int Layout(bool negative, ReadOnlySpan<char> digits, int exponent, Span<char> destination)
    {
        int n = digits.Length;
        int sign = negative ? 1 : 0;
        int fixedLength = sign + (exponent >= n - 1 ? exponent + 1 : exponent >= 0 ? n + 1 : n + 1 - exponent);
        int exponentText = Math.Abs(exponent) >= 100 ? 3 : Math.Abs(exponent) >= 10 ? 2 : 1;
        int scientificLength = sign + n + (n > 1 ? 1 : 0) + 1 + (exponent < 0 ? 1 : 0) + exponentText;

        int length = 0;
        if (negative)
        {
            destination[length++] = '-';
        }

        if (fixedLength <= MaxLength || fixedLength <= scientificLength)
        {
            if (exponent >= n - 1)
            {
                digits.CopyTo(destination[length..]);
                length += n;
                destination.Slice(length, exponent - (n - 1)).Fill('0');
                length += exponent - (n - 1);
            }
            else if (exponent >= 0)
            {
                digits[..(exponent + 1)].CopyTo(destination[length..]);
                length += exponent + 1;
                destination[length++] = '.';
                digits[(exponent + 1)..].CopyTo(destination[length..]);
                length += n - exponent - 1;
            }
            else
            {
                destination[length++] = '0';
                destination[length++] = '.';
                destination.Slice(length, -exponent - 1).Fill('0');
                length += -exponent - 1;
                digits.CopyTo(destination[length..]);
                length += n;
            }

            return length;
        }

        destination[length++] = digits[0];
        if (n > 1)
        {
            destination[length++] = '.';
            digits[1..].CopyTo(destination[length..]);
            length += n - 1;
        }

        destination[length++] = 'E';
        if (exponent < 0)
        {
            destination[length++] = '-';
        }

        AsciiDigits.Write(destination[length..], Math.Abs(exponent), exponentText);
        return length + exponentText;
    }

    private static bool TryWrite(ReadOnlySpan<char> text, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        if (!text.TryCopyTo(destination))
        {
            return false;
        }

        charsWritten = text.Length;
        return true;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Parses dcmdump's element lines (dcmtk 3.6 print format) and undoes its <c>+Qn</c> quoting of values.
/// </summary>
internal static partial class DcmdumpLineParser
{
    [GeneratedRegex(@"^(?<indent> *)\((?<g>[0-9a-f]{4}),(?<e>[0-9a-f]{4})\) (?<vr>\S\S) ", RegexOptions.CultureInvariant)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"\G # +(?<len>\d+|u/l), *(?<vm>\d+)(?: [^#]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"#=(?<n>\d+)\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    /// <summary>Parses an element line; false for headings, comments, blank and log lines.</summary>
    public static bool TryParse(string line, out DcmdumpLine result)
    {
        result = null!;
        Match head = HeadPattern().Match(line);
        if (!head.Success)
        {
            return false;
        }

        // The trailer "# length, VM Name" is the last " # " of the line (no dictionary name holds a '#'), so a
        // '#' inside a value cannot end the value early. Values can be hundreds of KB of hex: no regex over them.
        int trailerAt = line.LastIndexOf(" # ", StringComparison.Ordinal);
        if (trailerAt < head.Length - 1)
        {
            return false;
        }

        Match trailer = TrailerPattern().Match(line, trailerAt);
        if (!trailer.Success)
        {
            return false;
        }

        var tag = new DicomTag(
            ushort.Parse(head.Groups["g"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ushort.Parse(head.Groups["e"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        string value = trailerAt > head.Length ? line[head.Length..trailerAt].TrimEnd(' ') : string.Empty;
        long? length = trailer.Groups["len"].Value == "u/l" ? null : long.Parse(trailer.Groups["len"].ValueSpan, CultureInfo.InvariantCulture);
        int vm = int.Parse(trailer.Groups["vm"].ValueSpan, CultureInfo.InvariantCulture);
        (DcmdumpLineKind kind, int count) = Classify(tag, value);
        result = new DcmdumpLine(head.Groups["indent"].Length / 2, tag, head.Groups["vr"].Value, kind, value, length, vm, count);
        return true;
    }

    private static (DcmdumpLineKind Kind, int Count) Classify(DicomTag tag, string value)
    {
        if (tag == DicomTag.ItemDelimitationItem || tag == DicomTag.SequenceDelimitationItem)
        {
            return (DcmdumpLineKind.Delimiter, 0);
        }

        if (value == "(no value available)")
        {
            return (DcmdumpLineKind.Empty, 0);
        }

        if (value == "(not loaded)")
        {
            return (DcmdumpLineKind.NotLoaded, 0);
        }

        int count = CountPattern().Match(value) is { Success: true } c ? int.Parse(c.Groups["n"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (value.StartsWith("(Sequence with ", StringComparison.Ordinal))
        {
            return (DcmdumpLineKind.Sequence, count);
        }

        if (value.StartsWith("(PixelSequence", StringComparison.Ordinal))
        {
            return (DcmdumpLineKind.PixelSequence, count);
        }

        if (tag == DicomTag.Item && (value.StartsWith("(Item with ", StringComparison.Ordinal) || value.StartsWith('"')))
        {
            return (DcmdumpLineKind.Item, count);
        }

        return (DcmdumpLineKind.Value, 0);
    }

    /// <summary>The text between the brackets of a string value, or null when the value is not bracketed.</summary>
    public static string? BracketedText(string value) =>
        value.Length >= 2 && value[0] == '[' && value[^1] == ']' ? value[1..^1] : null;

    /// <summary>
    /// The bytes a <c>+Qn</c>-quoted text stands for: <c>&amp;#N;</c> is the byte N, the five XML entities are
    /// their characters, everything else is ASCII. dcmdump quotes byte by byte, so the result is the value's
    /// bytes (UTF-8 after <c>+U8</c>).
    /// </summary>
    public static byte[] Unquote(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '&' && TryEntity(text, i, out byte b, out int consumed))
            {
                bytes.Add(b);
                i += consumed - 1;
            }
            else
            {
                // Anything beyond Latin-1 cannot come from a quoted dump; keep it visible rather than lose it.
                if (c > 0xFF)
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                }
                else
                {
                    bytes.Add((byte)c);
                }
            }
        }

        return [.. bytes];
    }

    private static bool TryEntity(string text, int at, out byte value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int semicolon = text.IndexOf(';', at);
        if (semicolon < 0 || semicolon - at > 6)
        {
            return false;
        }

        ReadOnlySpan<char> name = text.AsSpan(at + 1, semicolon - at - 1);
        consumed = semicolon - at + 1;
        switch (name)
        {
            case "amp": value = (byte)'&'; return true;
            case "lt": value = (byte)'<'; return true;
            case "gt": value = (byte)'>'; return true;
            case "quot": value = (byte)'"'; return true;
            case "apos": value = (byte)'\''; return true;
        }

        if (name.Length > 1 && name[0] == '#' && int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 0xFF)
        {
            value = (byte)n;
            return true;
        }

        consumed = 0;
        return false;
    }
}

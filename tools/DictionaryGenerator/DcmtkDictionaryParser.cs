using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageQuality.DictionaryGenerator;

/// <summary>
/// Reads dcmtk's dictionary format: one entry a line, tab-separated fields Tag, VR, Name, VM and (optionally) Version;
/// lines starting with '#' are comments. Tags are "(gggg,eeee)" or, in private.dic, "(gggg,\"CREATOR\",ee)".
/// </summary>
internal static partial class DcmtkDictionaryParser
{
    public static IReadOnlyList<DcmtkDictionaryLine> Parse(string text, string sourceName, List<string> problems)
    {
        var lines = new List<DcmtkDictionaryLine>();
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // dcmtk asks for single tabs, but a few hand-edited lines have runs of them.
            string[] fields = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length is < 4 or > 5)
            {
                problems.Add($"{sourceName}:{lineNumber}: expected 4 or 5 tab-separated fields, found {fields.Length}.");
                continue;
            }

            if (!TryParseTag(fields[0], out NumberRange group, out NumberRange element, out string? creator))
            {
                problems.Add($"{sourceName}:{lineNumber}: cannot read the tag '{fields[0]}'.");
                continue;
            }

            // A line without a version is a private tag in private.dic (dcmtk reads it the same way).
            string version = fields.Length == 5 ? fields[4] : creator is null ? "DICOM" : "PrivateTag";
            lines.Add(new DcmtkDictionaryLine(lineNumber, group, element, creator, fields[1], fields[2], fields[3], version)
            {
                TagText = fields[0],
            });
        }

        return lines;
    }

    internal static bool TryParseTag(string text, out NumberRange group, out NumberRange element, out string? creator)
    {
        group = element = default;
        creator = null;
        Match m = PrivateTagPattern().Match(text);
        if (m.Success)
        {
            creator = m.Groups["creator"].Value;
        }
        else
        {
            m = PublicTagPattern().Match(text);
            if (!m.Success)
            {
                return false;
            }
        }

        // dcmtk reads an unqualified range as even numbers only. That fits the repeating groups (50xx, 60xx, 7Fxx are
        // even groups), but PS3.6 gives the one element range, Source Image IDs (0020,31xx), every element.
        return TryParseRange(m.Groups["group"].Value, RangeParity.Even, out group)
            && TryParseRange(m.Groups["element"].Value, RangeParity.All, out element);
    }

    /// <summary>"gggg", "gggg-gggg" (<paramref name="unqualified"/>), "gggg-o-gggg" (odd), "gggg-e-gggg" (even) or "gggg-u-gggg" (all).</summary>
    internal static bool TryParseRange(string text, RangeParity unqualified, out NumberRange range)
    {
        range = default;
        Match m = RangePattern().Match(text);
        if (!m.Success || !TryHex(m.Groups["low"].Value, out ushort low))
        {
            return false;
        }

        if (!m.Groups["high"].Success)
        {
            range = NumberRange.Single(low);
            return true;
        }

        if (!TryHex(m.Groups["high"].Value, out ushort high) || high < low)
        {
            return false;
        }

        RangeParity parity = m.Groups["parity"].Success
            ? char.ToLowerInvariant(m.Groups["parity"].Value[0]) switch
            {
                'o' => RangeParity.Odd,
                'e' => RangeParity.Even,
                _ => RangeParity.All,
            }
            : unqualified;
        range = new NumberRange(low, high, parity);
        return true;
    }

    private static bool TryHex(string text, out ushort value) =>
        ushort.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);

    [GeneratedRegex("""^\((?<group>[^,"]+),"(?<creator>.*)",(?<element>[^,"]+)\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateTagPattern();

    [GeneratedRegex("""^\((?<group>[^,"]+),(?<element>[^,"]+)\)$""", RegexOptions.CultureInvariant)]
    private static partial Regex PublicTagPattern();

    [GeneratedRegex("^(?<low>[0-9A-Fa-f]{1,4})(?:-(?:(?<parity>[oOeEuU])-)?(?<high>[0-9A-Fa-f]{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}

using System.Globalization;
using System.Text.Json;
using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>Every code of every character set, compared with Python's codecs (which pydicom uses).</summary>
public sealed class GraphicCharacterSetOracleTests
{
    private const string Script = """
        import json, sys
        request = json.load(sys.stdin)
        def decode(raw, codec):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if len(text) == 1 else None
        result = {}
        for name, codec, kind in request:
            table = []
            if kind == 'single':
                for b in range(0xA0, 0x100):
                    table.append(decode(bytes([b]), codec))
            else:
                for row in range(0x21, 0x7F):
                    for cell in range(0x21, 0x7F):
                        if kind == 'g0':
                            raw = b'\x1b$B' + bytes([row, cell]) + b'\x1b(B' if codec == 'iso2022_jp' else b'\x1b$(D' + bytes([row, cell]) + b'\x1b(B'
                        else:
                            raw = bytes([row | 0x80, cell | 0x80])
                        table.append(decode(raw, codec))
            result[name] = table
        json.dump(result, sys.stdout)
        """;

    private static readonly (string Name, GraphicCharacterSet Set, string Codec, string Kind)[] Sets =
    [
        ("100", GraphicCharacterSets.IsoIr100, "latin_1", "single"),
        ("101", GraphicCharacterSets.IsoIr101, "iso8859_2", "single"),
        ("109", GraphicCharacterSets.IsoIr109, "iso8859_3", "single"),
        ("110", GraphicCharacterSets.IsoIr110, "iso8859_4", "single"),
        ("144", GraphicCharacterSets.IsoIr144, "iso8859_5", "single"),
        ("127", GraphicCharacterSets.IsoIr127, "iso8859_6", "single"),
        ("126", GraphicCharacterSets.IsoIr126, "iso8859_7", "single"),
        ("138", GraphicCharacterSets.IsoIr138, "iso8859_8", "single"),
        ("148", GraphicCharacterSets.IsoIr148, "iso8859_9", "single"),
        ("203", GraphicCharacterSets.IsoIr203, "iso8859_15", "single"),
        ("166", GraphicCharacterSets.IsoIr166, "tis_620", "single"),
        ("87", GraphicCharacterSets.IsoIr87, "iso2022_jp", "g0"),
        ("159", GraphicCharacterSets.IsoIr159, "iso2022_jp_2", "g0"),
        ("149", GraphicCharacterSets.IsoIr149, "euc_kr", "g1"),
        ("58", GraphicCharacterSets.IsoIr58, "gb2312", "g1"),
    ];

    [Test]
    public void Tables_match_pythons_codecs()
    {
        JsonElement tables = PythonOracle.Run(Script, Sets.Select(s => new[] { s.Name, s.Codec, s.Kind }).ToArray());
        var differences = new List<string>();
        foreach ((string name, GraphicCharacterSet set, _, _) in Sets)
        {
            JsonElement[] expected = [.. tables.GetProperty(name).EnumerateArray()];
            for (int i = 0; i < expected.Length; i++)
            {
                char actual;
                string code;
                if (set.IsDoubleByte)
                {
                    byte row = (byte)(0x21 + (i / 94));
                    byte cell = (byte)(0x21 + (i % 94));
                    actual = set.DecodePair(row, cell);
                    code = $"{row:X2}{cell:X2}";
                }
                else
                {
                    actual = set.DecodeHigh((byte)(0xA0 + i));
                    code = $"{0xA0 + i:X2}";
                }

                string? python = expected[i].ValueKind == JsonValueKind.Null ? null : expected[i].GetString();
                string? ours = actual == GraphicCharacterSet.Undefined ? null : actual.ToString();
                bool extension = python is null && set.IsReadOnly(ushort.Parse(code, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                if (python != ours && !extension && !KnownDifferences.Contains($"{name} {code}"))
                {
                    differences.Add($"{name} {code}: python {Describe(python)} ours {Describe(ours)}");
                }
            }
        }

        differences.Should().BeEmpty(string.Join(", ", differences));
    }

    /// <summary>
    /// Deliberate differences: KS X 1001's HANGUL FILLER, which Python reserves for composed syllables, and
    /// GB18030's mapping of two GB 2312 punctuation marks.
    /// </summary>
    private static readonly HashSet<string> KnownDifferences = ["149 2454", "58 2124", "58 212A"];

    private static string Describe(string? text) => text is null ? "undefined" : $"U+{(int)text[0]:X4}";
}

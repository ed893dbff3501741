using System.Text.Json;
using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>
/// Cross-checks decoding against pydicom's decode_bytes: the standard's examples, and values our encoder wrote
/// from random text in each repertoire (so the encoder is checked against an independent reader too).
/// </summary>
public sealed class PydicomOracleTests
{
    private const string Script = """
        import json, sys, warnings
        warnings.simplefilter('ignore')
        from pydicom.charset import convert_encodings, decode_bytes
        TEXT = {0x0d, 0x0a, 0x09, 0x0c}
        DELIMITERS = {'PN': TEXT | {0x5e, 0x3d, 0x5c}, 'LO': TEXT | {0x5c}, 'LT': TEXT}
        out = []
        for terms, vr, hexed in json.load(sys.stdin):
            out.append(decode_bytes(bytes.fromhex(hexed), convert_encodings(list(terms)), DELIMITERS[vr]))
        json.dump(out, sys.stdout)
        """;

    [Test]
    public void Decodes_like_pydicom()
    {
        var cases = new List<(string[] Terms, string VR, string Hex)>();
        foreach (TestCaseData example in StandardExamplesTests.Examples())
        {
            var terms = (string[])example.Arguments[0]!;
            var vr = (string)example.Arguments[1]!;
            cases.Add((terms, vr is "PN" or "LT" ? vr : "LO", (string)example.Arguments[2]!));
        }

        foreach (TestCaseData example in StandardExamplesTests.SingleByteCodeExtensions())
        {
            var term = (string)example.Arguments[0]!;
            if (!term.EndsWith("203", StringComparison.Ordinal))
            {
                cases.Add((["", term], "PN", "41534349492b" + (string)example.Arguments[1]!));
            }
        }

        var random = new Random(20240601);
        foreach ((string[] terms, char[] characters) in Repertoires.All())
        {
            // pydicom 2.3 does not know ISO-IR 203 (Latin-9).
            if (terms.Any(term => term.EndsWith("203", StringComparison.Ordinal)))
            {
                continue;
            }

            DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms, out _);
            foreach (DicomVR vr in new[] { DicomVR.PN, DicomVR.LO, DicomVR.LT })
            {
                char[] alphabet = [.. characters.Where(c => !char.IsSurrogate(c)), .. Repertoires.Delimiters(vr)];
                for (int i = 0; i < 12; i++)
                {
                    string text = new([.. Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
                    cases.Add((terms, vr.ToString(), Convert.ToHexStringLower(characterSet.Encode(text, vr))));
                }
            }
        }

        JsonElement expected = PythonOracle.Run(Script, cases.Select(c => new object[] { c.Terms, c.VR, c.Hex }).ToArray());
        var differences = new List<string>();
        int index = 0;
        foreach (JsonElement pydicom in expected.EnumerateArray())
        {
            (string[] terms, string vr, string hex) = cases[index++];
            string ours = DicomCharacterSet.FromSpecificCharacterSet(terms, out _).Decode(Convert.FromHexString(hex), DicomVR.Parse(vr));

            // pydicom 2.3 decodes ISO 2022 IR 58 with Python's plain GB 2312 codec, which keeps ESC $ ) A as text.
            string reference = pydicom.GetString()!.Replace("\u001b$)A", string.Empty, StringComparison.Ordinal);
            if (ours != reference)
            {
                differences.Add($"{string.Join('\\', terms)} {vr} {hex}: pydicom '{reference}' ours '{ours}'");
            }
        }

        index.Should().Be(cases.Count);
        differences.Should().BeEmpty(string.Join(Environment.NewLine, differences));
    }
}

using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

public sealed class RoundTripTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150);

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach ((string[] terms, char[] characters) in Repertoires.All())
        {
            foreach (DicomVR vr in new[] { DicomVR.PN, DicomVR.LO, DicomVR.LT })
            {
                yield return new TestCaseData(terms, characters, vr).SetArgDisplayNames(string.Join('\\', terms), vr.ToString());
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Encode_then_decode_gives_the_original(string[] terms, char[] characters, DicomVR vr)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms, out _);
        char[] alphabet = [.. characters, .. Repertoires.Delimiters(vr)];
        Arbitrary<string> texts = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars)).Where(IsWellFormed).ToArbitrary();
        Check.One(Quick, Prop.ForAll(texts, text =>
        {
            byte[] encoded = characterSet.Encode(text, vr, out bool lossy);
            return !lossy && characterSet.Decode(encoded, vr) == text;
        }));
    }

    [TestCaseSource(nameof(Cases))]
    public void Any_bytes_decode_without_throwing(string[] terms, char[] characters, DicomVR vr)
    {
        _ = characters;
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms, out _);

        // Bias towards the bytes that matter: ESC, escape sequence bytes, delimiters and high bytes.
        Gen<byte> interesting = Gen.Elements<byte>(0x1B, (byte)'$', (byte)'(', (byte)')', (byte)'-', (byte)'B', (byte)'A', (byte)'C',
            (byte)'D', (byte)'I', (byte)'J', (byte)'^', (byte)'=', (byte)'\\', 0x0D, 0x21, 0x7E, 0x8E, 0xA1, 0xFE, 0xFF);
        Gen<byte> any = Gen.Choose(0, 255).Select(b => (byte)b);
        Arbitrary<byte[]> values = Gen.ArrayOf(Gen.Frequency((1, any), (1, interesting))).ToArbitrary();
        Check.One(Quick, Prop.ForAll(values, bytes => characterSet.Decode(bytes, vr).Length <= bytes.Length));
    }

    [Test]
    public void Any_string_encodes_and_what_is_not_lossy_round_trips()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87", "ISO 2022 IR 149"], out _);
        Check.One(Quick, Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= string.Empty;
            byte[] encoded = characterSet.Encode(text, DicomVR.PN, out bool lossy);
            return lossy || characterSet.Decode(encoded, DicomVR.PN) == text;
        }));
    }

    /// <summary>Surrogates drawn one by one may not pair up; only whole characters are in a repertoire.</summary>
    private static bool IsWellFormed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>
/// The encoded examples of PS3.5 annexes H (Japanese), I (Korean), J (UTF-8, GB18030, GBK) and K (GB 2312), and
/// David Clunie's character set test files (which pydicom ships), with bytes copied from them.
/// </summary>
public sealed class StandardExamplesTests
{
    public static IEnumerable<TestCaseData> Examples()
    {
        // PS3.5 H.3.1 (file chrH31): ISO 2022 IR 87 only, JIS X 0208 designated into G0 per component.
        yield return Example("H.3.1", ["", "ISO 2022 IR 87"], "PN",
            "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842",
            "Yamada^Tarou=山田^太郎=やまだ^たろう");

        // PS3.5 H.3.2 (file chrH32): JIS X 0201 katakana in G1 and romaji in G0 as value 1; G0 returns with ESC ( J.
        yield return Example("H.3.2", ["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN",
            "d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d1b24422464245e24401b284a5e1b2442243f246d24261b284a",
            "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");

        // PS3.5 I.2 (file chrI2): KS X 1001 in G1, designated again after every delimiter.
        yield return Example("I.2", ["", "ISO 2022 IR 149"], "PN",
            "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf",
            "Hong^Gildong=洪^吉洞=홍^길동");

        // PS3.5 K.2: GB 2312 in G1 (the standard's trailing padding space left to the caller).
        yield return Example("K.2", ["", "ISO 2022 IR 58"], "PN",
            "5a68616e675e5869616f446f6e673d1b242941d5c55e1b242941d0a1b6ab3d",
            "Zhang^XiaoDong=张^小东=");

        // PS3.5 K.3: each line starts in the default set, so GB 2312 is designated again after CR LF.
        yield return Example("K.3", ["", "ISO 2022 IR 58"], "LT",
            "312e1b242941b5dad2bbd0d0cec4d7d6a1a30d0a" +
            "322e1b242941b5dab6fed0d0cec4d7d6a1a30d0a" +
            "332e1b242941b5dac8fdd0d0cec4d7d6a1a30d0a",
            "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n");

        // PS3.5 J.1 (file chrX1): UTF-8.
        yield return Example("J.1", ["ISO_IR 192"], "PN",
            "57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d",
            "Wang^XiaoDong=王^小東=");

        // PS3.5 J.3 (file chrX2): GB18030, and GBK, which shares these codes (PS3.5 J).
        yield return Example("J.3", ["GB18030"], "PN",
            "57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d",
            "Wang^XiaoDong=王^小东=");
        yield return Example("J.3 as GBK", ["GBK"], "PN",
            "57616e675e5869616f446f6e673dcdf55ed0a1b6ab3d",
            "Wang^XiaoDong=王^小东=");

        // Single-byte character sets without code extensions (chrFren, chrGreek, chrHbrw, chrRuss, chrArab...).
        yield return Example("Latin-1", ["ISO_IR 100"], "PN", "4275635e4ae972f46d65", "Buc^Jérôme");
        yield return Example("Latin-2", ["ISO_IR 101"], "PN", "5761b3ea7361", "Wałęsa");
        yield return Example("Greek", ["ISO_IR 126"], "PN", "c4e9efedf5f3e9eff2", "Διονυσιος");
        yield return Example("Hebrew", ["ISO_IR 138"], "PN", "f9f8e5ef5ee3e1e5f8e4", "שרון^דבורה");
        yield return Example("Cyrillic", ["ISO_IR 144"], "PN", "bbeeda6365dcd17970d3", "Люкceмбypг");
        yield return Example("Arabic", ["ISO_IR 127"], "PN", "e2c8c7e6ea5ee4e6d2c7d1", "قباني^لنزار");
        yield return Example("Thai", ["ISO_IR 166"], "PN", "b9d2c1caa1d8c5", "นามสกุล");
        yield return Example("Latin-5", ["ISO_IR 148"], "PN", "c7617675fe6ff06c75", "Çavuşoğlu");
        yield return Example("Katakana", ["ISO_IR 13"], "PN", "d4cfc0de5ec0dbb3", "ﾔﾏﾀﾞ^ﾀﾛｳ");

        // Mori Ogai (pydicom's example): JIS X 0212 for 鷗, then back to JIS X 0208 within one component.
        yield return Example("JIS X 0212", ["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"], "PN",
            "4d6f72695e4f6761693d1b24423f391b28425e1b2428446c3f1b244233301b28423d" +
            "1b24422462246a1b28425e1b2442242a242624" + "2c24241b2842",
            "Mori^Ogai=森^鷗外=もり^おうがい");

        // A multi-valued LO switching G1 between three single-byte sets.
        yield return Example("three G1 sets", ["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"], "LO",
            "4275635e4ae972f46d655c1b2d46c4e9efedf5f3e9eff25c1b2d4cbbeeda6365dcd17970d3",
            "Buc^Jérôme\\Διονυσιος\\Люкceмбypг");
    }

    private static TestCaseData Example(string name, string[] terms, string vr, string hex, string text) =>
        new TestCaseData(terms, vr, hex, text).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Examples))]
    public void Decodes_the_example(string[] terms, string vr, string hex, string text)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms, out string? problem);
        problem.Should().BeNull();
        characterSet.Decode(Convert.FromHexString(hex), DicomVR.Parse(vr)).Should().Be(text);
    }

    [TestCaseSource(nameof(Examples))]
    public void Encodes_the_example_byte_for_byte(string[] terms, string vr, string hex, string text)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(terms, out _);
        byte[] encoded = characterSet.Encode(text, DicomVR.Parse(vr), out bool lossy);
        Convert.ToHexStringLower(encoded).Should().Be(hex);
        lossy.Should().BeFalse();
    }

    public static IEnumerable<TestCaseData> SingleByteCodeExtensions()
    {
        // pydicom's examples of each single-byte set designated into G1 after ASCII (value 1 empty).
        yield return Extension("ISO 2022 IR 13", "1b2949d4cfc0de5e1b2949c0dbb3", "ﾔﾏﾀﾞ^ﾀﾛｳ");
        yield return Extension("ISO 2022 IR 100", "1b2d414275635e1b2d414ae972f46d65", "Buc^Jérôme");
        yield return Extension("ISO 2022 IR 101", "1b2d425761b3ea7361", "Wałęsa");
        yield return Extension("ISO 2022 IR 109", "1b2d43616e7461fd6e6f6d6f", "antaŭnomo");
        yield return Extension("ISO 2022 IR 110", "1b2d4476e0726473", "vārds");
        yield return Extension("ISO 2022 IR 127", "1b2d47e2c8c7e6ea5e1b2d47e4e6d2c7d1", "قباني^لنزار");
        yield return Extension("ISO 2022 IR 126", "1b2d46c4e9efedf5f3e9eff2", "Διονυσιος");
        yield return Extension("ISO 2022 IR 138", "1b2d48f9f8e5ef5e1b2d48e3e1e5f8e4", "שרון^דבורה");
        yield return Extension("ISO 2022 IR 144", "1b2d4cbbeeda6365dcd17970d3", "Люкceмбypг");
        yield return Extension("ISO 2022 IR 148", "1b2d4dc7617675fe6ff06c75", "Çavuşoğlu");
        yield return Extension("ISO 2022 IR 166", "1b2d54b9d2c1caa1d8c5", "นามสกุล");
        yield return Extension("ISO 2022 IR 203", "1b2d62a4", "€");
    }

    private static TestCaseData Extension(string term, string hex, string text) =>
        new TestCaseData(term, hex, text).SetArgDisplayNames(term);

    [TestCaseSource(nameof(SingleByteCodeExtensions))]
    public void Decodes_single_byte_code_extensions(string term, string hex, string text)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["", term], out string? problem);
        problem.Should().BeNull();
        byte[] bytes = [.. "ASCII+"u8, .. Convert.FromHexString(hex)];
        characterSet.Decode(bytes, DicomVR.PN).Should().Be("ASCII+" + text);
    }

    [TestCaseSource(nameof(SingleByteCodeExtensions))]
    public void Single_byte_code_extensions_round_trip(string term, string hex, string text)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["", term], out _);
        byte[] encoded = characterSet.Encode(text, DicomVR.PN, out bool lossy);
        lossy.Should().BeFalse();
        encoded.Should().Contain((byte)0x1B, "the set is reached only by an escape sequence (example {0})", hex);
        characterSet.Decode(encoded, DicomVR.PN).Should().Be(text);
    }
}

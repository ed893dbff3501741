using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom.Tests.Text;

public sealed class DicomCharacterSetTests
{
    private static DicomCharacterSet Parse(params string[] terms) => DicomCharacterSet.FromSpecificCharacterSet(terms, out _);

    private static string Decode(DicomCharacterSet characterSet, string hex, DicomVR vr) =>
        characterSet.Decode(Convert.FromHexString(hex), vr);

    [Test]
    public void Default_is_ascii_and_reads_stray_high_bytes_as_latin1()
    {
        DicomCharacterSet.Default.IsDefault.Should().BeTrue();
        DicomCharacterSet.Default.Terms.Should().BeEmpty();
        Decode(DicomCharacterSet.Default, "4275635e4ae972f46d65", DicomVR.PN).Should().Be("Buc^Jérôme");
        DicomCharacterSet.Default.Decode("CITIZEN^JOHN"u8, DicomVR.PN).Should().Be("CITIZEN^JOHN");
    }

    [Test]
    public void Default_writes_ascii_only()
    {
        DicomCharacterSet.Default.Encode("Jérôme", DicomVR.PN, out bool lossy).Should().Equal("J?r?me"u8.ToArray());
        lossy.Should().BeTrue();
        DicomCharacterSet.Default.Encode("Jerome", DicomVR.PN, out lossy).Should().Equal("Jerome"u8.ToArray());
        lossy.Should().BeFalse();
    }

    [TestCase("")]
    [TestCase("ISO_IR 6")]
    [TestCase("ISO 2022 IR 6")]
    public void The_default_repertoire_in_any_spelling_is_Default(string term)
    {
        DicomCharacterSet.FromSpecificCharacterSet([term], out string? problem).Should().BeSameAs(DicomCharacterSet.Default);
        problem.Should().BeNull();
        DicomCharacterSet.FromSpecificCharacterSet([], out problem).Should().BeSameAs(DicomCharacterSet.Default);
        problem.Should().BeNull();
    }

    [Test]
    public void Instances_are_cached_per_term_list()
    {
        DicomCharacterSet first = DicomCharacterSet.FromSpecificCharacterSet(["", "ISO 2022 IR 87"], out _);
        DicomCharacterSet second = DicomCharacterSet.FromSpecificCharacterSet(new List<string> { "", "ISO 2022 IR 87" }, out _);
        second.Should().BeSameAs(first);
        first.Terms.Should().Equal("", "ISO 2022 IR 87");
        first.IsDefault.Should().BeFalse();
    }

    [Test]
    public void Concurrent_lookups_agree()
    {
        var results = new DicomCharacterSet[64];
        Parallel.For(0, results.Length, i =>
            results[i] = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR " + (i % 2 == 0 ? "126" : "144")], out _));
        results.Where((_, i) => i % 2 == 0).Distinct().Should().ContainSingle();
        results.Where((_, i) => i % 2 == 1).Distinct().Should().ContainSingle();
    }

    [Test]
    public void An_unknown_value_1_falls_back_to_the_default_repertoire()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["UNSUPPORTED"], out string? problem);
        characterSet.Should().BeSameAs(DicomCharacterSet.Default);
        problem.Should().Contain("UNSUPPORTED");
    }

    [Test]
    public void An_unknown_extension_is_dropped_and_the_known_ones_kept()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 100", "ISO 2022 IR 146", "ISO 2022 IR 126"], out string? problem);
        characterSet.Terms.Should().Equal("ISO 2022 IR 100", "ISO 2022 IR 126");
        problem.Should().Contain("ISO 2022 IR 146");
        Decode(characterSet, "44696f6e7973696f733d1b2d46c4e9efedf5f3e9eff2", DicomVR.PN).Should().Be("Dionysios=Διονυσιος");
    }

    [TestCase("ISO IR 192", "ISO_IR 192")]
    [TestCase("ISO-IR 144", "ISO_IR 144")]
    [TestCase("iso_ir 100", "ISO_IR 100")]
    [TestCase("UTF-8", "ISO_IR 192")]
    [TestCase("ISO_IR 192\0", "ISO_IR 192")]
    public void Misspelt_terms_are_repaired_and_reported(string given, string meant)
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet([given], out string? problem);
        characterSet.Terms.Should().Equal(meant);
        if (given.TrimEnd('\0') != meant)
        {
            problem.Should().Contain(meant);
        }
    }

    [Test]
    public void Stand_alone_encodings_take_no_code_extensions()
    {
        DicomCharacterSet utf8 = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 192", "ISO 2022 IR 100"], out string? problem);
        utf8.Terms.Should().Equal("ISO_IR 192");
        problem.Should().Contain("ISO_IR 192");
        Decode(utf8, "4275635e4ac3a972c3b46d65", DicomVR.PN).Should().Be("Buc^Jérôme");

        DicomCharacterSet greek = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 126", "GBK", "ISO 2022 IR 144"], out problem);
        greek.Terms.Should().Equal("ISO 2022 IR 126", "ISO 2022 IR 144");
        problem.Should().Contain("GBK");
    }

    [Test]
    public void An_ISO_IR_term_with_code_extensions_is_read_as_its_ISO_2022_form()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["ISO_IR 13", "ISO 2022 IR 87"], out string? problem);
        characterSet.Terms.Should().Equal("ISO 2022 IR 13", "ISO 2022 IR 87");
        problem.Should().Contain("ISO_IR 13");
        Decode(characterSet, "d4cfc0de5ec0dbb33d1b24423b3345441b284a", DicomVR.PN).Should().Be("ﾔﾏﾀﾞ^ﾀﾛｳ=山田");
    }

    [Test]
    public void Values_still_joined_by_a_backslash_are_split()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["\\ISO 2022 IR 87"], out string? problem);
        problem.Should().BeNull();
        characterSet.Should().BeSameAs(Parse("", "ISO 2022 IR 87"));
    }

    [Test]
    public void Korean_written_as_plain_EUC_KR_under_value_1_is_read_and_reported()
    {
        // Common in Korean files: ISO 2022 IR 149 alone, with no escape sequences.
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 149"], out string? problem);
        problem.Should().Contain("value 1");
        Decode(characterSet, "b1e8c8f1c1df", DicomVR.PN).Should().Be("김희중");
        characterSet.Encode("김희중", DicomVR.PN).Should().Equal(Convert.FromHexString("b1e8c8f1c1df"));
    }

    [Test]
    public void A_G0_multi_byte_set_as_value_1_still_starts_in_ascii()
    {
        DicomCharacterSet characterSet = DicomCharacterSet.FromSpecificCharacterSet(["ISO 2022 IR 87"], out string? problem);
        problem.Should().NotBeNull();
        characterSet.Terms.Should().Equal("", "ISO 2022 IR 87");
        Decode(characterSet, "1b24422464245e24401b2842", DicomVR.PN).Should().Be("やまだ");
    }

    [Test]
    public void Reads_the_Japanese_names_of_chrJapMulti()
    {
        // Raw values of fo-dicom's chrJapMulti.dcm (PatientName, OtherPatientNames, PatientComments), padding kept.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 87");
        Decode(characterSet, "1b24422464245e24401b28425e1b2442243f246d24261b284220", DicomVR.PN).Should().Be("やまだ^たろう ");
        Decode(characterSet, "1b24422464245e24401b28425e1b2442243f246d24261b28425c1b24422464245e24401b28425e1b2442243f246d24261b284220",
            DicomVR.PN).Should().Be("やまだ^たろう\\やまだ^たろう ");
        Decode(characterSet, "1b2442243f246d24261b2842", DicomVR.LT).Should().Be("たろう");
    }

    [Test]
    public void Reads_the_Korean_names_of_chrKoreanMulti()
    {
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 149");
        Decode(characterSet, "1b242943b1e8c8f1c1df1b28425c1b242943b1e8c8f1c1df1b284220", DicomVR.PN).Should().Be("김희중\\김희중 ");
    }

    [Test]
    public void Reads_every_designation_of_a_mixed_Japanese_string()
    {
        // pydicom's encoding of 'あaｱア齩', which designates ISO-IR 13 into G1 explicitly.
        DicomCharacterSet characterSet = Parse("ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159");
        Decode(characterSet, "1b24422422" + "1b284a61" + "1b2949b1" + "1b24422522" + "1b2428446d4e" + "1b284a", DicomVR.LO).Should().Be("あaｱア齩");
        Convert.ToHexStringLower(characterSet.Encode("あaｱア齩", DicomVR.LO))
            .Should().Be("1b24422422" + "1b284a61" + "1b2949b1" + "1b24422522" + "1b2428446d4e" + "1b284a");
    }

    [Test]
    public void G1_returns_to_its_initial_set_at_PN_delimiters_but_not_within_LO_values()
    {
        // Katakana designated once: after '^' a PN reads the rest in the default set (as Latin-1), an LO does not.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 13");
        const string Hex = "41534349492b1b2949d4cfc0de5ec0dbb3";
        Decode(characterSet, Hex, DicomVR.PN).Should().Be("ASCII+ﾔﾏﾀﾞ^ÀÛ³");
        Decode(characterSet, Hex, DicomVR.LO).Should().Be("ASCII+ﾔﾏﾀﾞ^ﾀﾛｳ");
    }

    [Test]
    public void A_backslash_resets_between_values_but_is_text_in_LT()
    {
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 126");
        const string Hex = "1b2d46c4e95cc4e9";
        Decode(characterSet, Hex, DicomVR.LO).Should().Be("Δι\\Äé");
        Decode(characterSet, Hex, DicomVR.LT).Should().Be("Δι\\Δι");
        Decode(characterSet, "1b2d46c4e90d0ac4e9", DicomVR.LT).Should().Be("Δι\r\nÄé");
        Decode(characterSet, "1b2d46c4e909c4e9", DicomVR.ST).Should().Be("Δι\tÄé");
    }

    [Test]
    public void Delimiter_bytes_inside_a_JIS_X_0208_pair_are_not_delimiters()
    {
        // だ is 24 40 and ま is 24 5E: the 0x5E of a pair is no '^'.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 87");
        Decode(characterSet, "1b2442245e1b28425e41", DicomVR.PN).Should().Be("ま^A");
    }

    [Test]
    public void Broken_bytes_become_replacement_characters()
    {
        DicomCharacterSet japanese = Parse("", "ISO 2022 IR 87");
        Decode(japanese, "1b244224", DicomVR.LO).Should().Be("\uFFFD");
        Decode(japanese, "1b2442240d41", DicomVR.LT).Should().Be("\uFFFD\rA");

        DicomCharacterSet korean = Parse("", "ISO 2022 IR 149");
        Decode(korean, "1b242943b1", DicomVR.PN).Should().Be("\uFFFD");
        Decode(korean, "1b242943c9a1b1e8", DicomVR.PN).Should().Be("\uFFFD김", "the user-defined row C9 is unassigned but two bytes wide");

        DicomCharacterSet utf8 = Parse("ISO_IR 192");
        Decode(utf8, "c4e9", DicomVR.PN).Should().Be("\uFFFD\uFFFD");
    }

    [Test]
    public void Unknown_escape_sequences_are_kept_as_text()
    {
        DicomCharacterSet characterSet = Parse("ISO_IR 100");
        Decode(characterSet, "1b2d5ac4", DicomVR.PN).Should().Be("\u001b-ZÄ");
        Decode(characterSet, "411b", DicomVR.PN).Should().Be("A\u001b");
    }

    [Test]
    public void Escape_sequences_are_honoured_even_when_undeclared()
    {
        Decode(Parse("ISO_IR 100"), "44696f6e7973696f733d1b2d46c4e9efedf5f3e9eff2", DicomVR.PN).Should().Be("Dionysios=Διονυσιος");
        Decode(DicomCharacterSet.Default, "1b24422464245e24401b2842", DicomVR.PN).Should().Be("やまだ");
    }

    [Test]
    public void Shift_JIS_kanji_under_ISO_IR_13_are_read()
    {
        // Not JIS X 0201, but Japanese systems write it; the bytes cannot be katakana so nothing is misread.
        Decode(Parse("ISO_IR 13"), "8e529363d4", DicomVR.PN).Should().Be("山田ﾔ");
    }

    [Test]
    public void Unified_Hangul_syllables_under_KS_X_1001_are_read()
    {
        Decode(Parse("", "ISO 2022 IR 149"), "1b2429438c63b3aa", DicomVR.PN).Should().Be("똠나");
    }

    [Test]
    public void VRs_outside_the_character_set_are_in_the_default_repertoire()
    {
        DicomCharacterSet utf8 = Parse("ISO_IR 192");
        utf8.Decode("ORIGINAL\\PRIMARY"u8, DicomVR.CS).Should().Be("ORIGINAL\\PRIMARY");
        Decode(utf8, "c3a9", DicomVR.CS).Should().Be("Ã©");
        utf8.Encode("é", DicomVR.CS, out bool lossy).Should().Equal((byte)'?');
        lossy.Should().BeTrue();
        utf8.Encode("é", DicomVR.LO, out lossy).Should().Equal(0xC3, 0xA9);
        lossy.Should().BeFalse();
    }

    [Test]
    public void UN_text_is_decoded_with_the_character_set()
    {
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 149");
        Decode(characterSet, "1b242943b1e8c8f1c1df5c1b242943b1e8c8f1c1df", DicomVR.UN).Should().Be("김희중\\김희중");
        characterSet.Encode("김희중", DicomVR.UN).Should().Equal(Convert.FromHexString("1b242943b1e8c8f1c1df"));
    }

    [Test]
    public void Unrepresentable_characters_become_question_marks()
    {
        Parse("ISO_IR 100").Encode("AΔB", DicomVR.LO, out bool lossy).Should().Equal("A?B"u8.ToArray());
        lossy.Should().BeTrue();

        // The '?' needs G0 back in ASCII; a surrogate pair is one character.
        DicomCharacterSet japanese = Parse("", "ISO 2022 IR 87");
        Convert.ToHexStringLower(japanese.Encode("山😀田", DicomVR.LO, out lossy)).Should().Be("1b24423b331b28423f1b244245441b2842");
        lossy.Should().BeTrue();

        japanese.Encode("a\u001bb", DicomVR.LO, out lossy).Should().Equal("a?b"u8.ToArray());
        lossy.Should().BeTrue();

        Parse("ISO_IR 192").Encode("a\ud800b", DicomVR.LO, out lossy).Should().Equal("a?b"u8.ToArray());
        lossy.Should().BeTrue();

        // .NET's GBK replaces each half of a surrogate pair.
        byte[] gbk = Parse("GBK").Encode("王😀", DicomVR.LO, out lossy);
        gbk[..2].Should().Equal(0xCD, 0xF5);
        gbk[2..].Should().NotBeEmpty().And.OnlyContain(b => b == (byte)'?');
        lossy.Should().BeTrue();

        Parse("GB18030").Encode("王😀?", DicomVR.LO, out lossy).Should().Equal(0xCD, 0xF5, 0x94, 0x39, 0xFC, 0x36, (byte)'?');
        lossy.Should().BeFalse();
    }

    [Test]
    public void Encoding_prefers_the_sets_already_designated()
    {
        // 外 is in JIS X 0208 only, 鷗 in JIS X 0212 only; 鷗外 needs both and ASCII returns G0 to ISO-IR 6.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 87", "ISO 2022 IR 159");
        Convert.ToHexStringLower(characterSet.Encode("鷗外a", DicomVR.LO)).Should().Be("1b2428446c3f" + "1b24423330" + "1b284261");
    }

    [Test]
    public void A_set_is_designated_again_after_an_escape_for_another()
    {
        // KS X 1001 stays in G1 while JIS X 0208 (for 込, which KS X 1001 lacks) is in G0, but readers that decode
        // run by run need the escape sequence again before the second 홍.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 149", "ISO 2022 IR 87");
        string hex = Convert.ToHexStringLower(characterSet.Encode("홍込홍", DicomVR.LO));
        hex.Should().Be("1b242943c8ab" + "1b2442397e" + "1b242943c8ab" + "1b2842");
        Decode(characterSet, hex, DicomVR.LO).Should().Be("홍込홍");
    }

    [Test]
    public void Symbols_of_another_mapping_are_written_as_the_same_code()
    {
        // cp932's FULLWIDTH TILDE is JIS X 0208's WAVE DASH (0x2141), which reads back as U+301C.
        DicomCharacterSet characterSet = Parse("", "ISO 2022 IR 87");
        Convert.ToHexStringLower(characterSet.Encode("\uFF5E", DicomVR.LO, out bool lossy)).Should().Be("1b244221411b2842");
        lossy.Should().BeFalse();
        Decode(characterSet, "1b244221411b2842", DicomVR.LO).Should().Be("\u301C");
    }

    [TestCase("ISO_IR 100", "4275635e4ae972f46d65")]
    [TestCase("ISO_IR 126", "c4e9efedf5f3e9eff2")]
    [TestCase("ISO_IR 192", "57616e675e5869616f446f6e673de78e8b5ee5b08fe69db13d")]
    [TestCase("\\ISO 2022 IR 87", "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842")]
    [TestCase("\\ISO 2022 IR 149", "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf")]
    [TestCase("ISO_IR 100", "434954495a454e5e4a4f484e")]
    public void Decoding_allocates_only_the_result(string terms, string hex)
    {
        DicomCharacterSet characterSet = Parse(terms.Split('\\'));
        byte[] bytes = Convert.FromHexString(hex);
        string text = characterSet.Decode(bytes, DicomVR.PN);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            _ = characterSet.Decode(bytes, DicomVR.PN);
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        perCall.Should().BeLessThanOrEqualTo(32 + (2 * text.Length), "a string of {0} chars is all Decode allocates", text.Length);
    }

    [Test]
    public void An_empty_value_is_empty()
    {
        Parse("", "ISO 2022 IR 87").Decode([], DicomVR.PN).Should().BeEmpty();
        Parse("", "ISO 2022 IR 87").Encode(string.Empty, DicomVR.PN).Should().BeEmpty();
    }
}

using FsCheck;
using FsCheck.Fluent;
using ImageQuality.DictionaryGenerator;

namespace ImageQuality.Dicom.Tests.Dictionary;

public sealed class DictionaryGeneratorTests
{
    [TestCase("6000-60FF", 0x6000, 0xFF01)]
    [TestCase("7F00-7FFF", 0x7F00, 0xFF01)]
    [TestCase("7001-o-70ff", 0x7001, 0xFF01)]
    [TestCase("0000-u-FFFF", 0x0000, 0x0000)]
    [TestCase("0001-o-0007", 0x0001, 0xFFF9)]
    [TestCase("0010", 0x0010, 0xFFFF)]
    public void Turns_ranges_into_one_mask(string text, int value, int mask)
    {
        DcmtkDictionaryParser.TryParseRange(text, RangeParity.Even, out NumberRange range).Should().BeTrue();
        range.ToMasks().Should().Equal([((ushort)value, (ushort)mask)]);
    }

    [Test]
    public void Splits_ranges_that_no_single_mask_covers()
    {
        DcmtkDictionaryParser.TryParseRange("0010-u-00FF", RangeParity.Even, out NumberRange range).Should().BeTrue();
        range.ToMasks().Should().Equal([(0x0010, 0xFFF0), (0x0020, 0xFFE0), (0x0040, 0xFFC0), (0x0080, 0xFF80)]);
    }

    [TestCase("60FF-6000")]
    [TestCase("6000-x-60FF")]
    [TestCase("12345")]
    [TestCase("")]
    public void Rejects_malformed_ranges(string text) =>
        DcmtkDictionaryParser.TryParseRange(text, RangeParity.Even, out _).Should().BeFalse();

    [FsCheck.NUnit.Property(MaxTest = 100)]
    public Property Masks_match_exactly_the_numbers_of_the_range(ushort a, ushort b, byte parityChoice)
    {
        var parity = (RangeParity)(parityChoice % 3);
        var range = new NumberRange(Math.Min(a, b), Math.Max(a, b), parity);
        IReadOnlyList<(ushort Value, ushort Mask)> masks = range.ToMasks();
        int wrong = -1;
        for (int n = 0; n <= 0xFFFF && wrong < 0; n++)
        {
            bool inRange = n >= range.Low && n <= range.High
                && (parity == RangeParity.All || (n & 1) == (parity == RangeParity.Odd ? 1 : 0));
            int matches = 0;
            foreach ((ushort value, ushort mask) in masks)
            {
                matches += (n & mask) == value ? 1 : 0;
            }

            wrong = matches == (inRange ? 1 : 0) ? -1 : n;
        }

        return (wrong < 0).Label($"{range} -> {string.Join(", ", masks)}: wrong for {wrong:X4}");
    }

    [Test]
    public void Reads_dcmtk_lines()
    {
        const string text = "# comment\n(0010,0010)\tPN\tPatientName\t1\tDICOM\n#(0028,04X0)\tUS\tRETIRED_X\t1\tDICOM/retired\n"
            + "(0019,\"SIEMENS MR HEADER\",0c)\tIS\tB_value\t1\tPrivateTag\n(0041,\"PAPYRUS\",b3)\tUL\tInternalOffsetToImage\t1-n\n";
        var problems = new List<string>();
        IReadOnlyList<DcmtkDictionaryLine> lines = DcmtkDictionaryParser.Parse(text, "test.dic", problems);
        problems.Should().BeEmpty();
        lines.Should().HaveCount(3);
        lines[0].Name.Should().Be("PatientName");
        lines[1].PrivateCreator.Should().Be("SIEMENS MR HEADER");
        lines[1].Element.Should().Be(NumberRange.Single(0x0C));
        lines[2].Version.Should().Be("PrivateTag", "a private line without version is a private tag");
    }

    [Test]
    public void Reports_bad_lines()
    {
        var problems = new List<string>();
        DcmtkDictionaryParser.Parse("(0010,001G)\tPN\tX\t1\tDICOM\n(0010,0010)\tPN\n", "test.dic", problems);
        problems.Should().HaveCount(2);
        problems[0].Should().Contain("test.dic:1");

        var report = new GenerationReport();
        DictionaryGeneration.GenerateDictionary("(0010,0010)\tQQ\tX\t1\tDICOM\n", "", report);
        report.Problems.Should().ContainSingle().Which.Should().Contain("unknown VR 'QQ'");
    }

    [Test]
    public void Drops_DICONDE_lines_that_clash_with_DICOM()
    {
        var report = new GenerationReport();
        IReadOnlyList<GeneratedFile> files = DictionaryGeneration.GenerateDictionary(
            "(0014,0025)\tST\tComponentManufacturingProcedure\t1\tDICOM/DICONDE\n(0014,0025)\tLO\tOther\t1\tDICOM\n"
                + "(0018,0001)\tLO\tOther\t1\tDICOM/DICOS\n",
            "",
            report);
        report.Problems.Should().BeEmpty();
        report.Clashes.Should().Be(2);
        files[0].Content.Should().Contain("= new(0x00140025, 0xFFFFFFFF, [DicomVR.LO], \"1\", \"Other\", false);")
            .And.NotContain("ComponentManufacturingProcedure").And.NotContain("0x00180001");
    }

    [Test]
    public void Fails_on_two_DICOM_lines_for_one_tag()
    {
        var report = new GenerationReport();
        DictionaryGeneration.GenerateDictionary("(0010,0010)\tPN\tA\t1\tDICOM\n(0010,0010)\tPN\tB\t1\tDICOM\n", "", report);
        report.Problems.Should().ContainSingle().Which.Should().Contain("clashes with line 1");
    }

    [Test]
    public void Reads_pydicom_uid_dictionary_without_python()
    {
        const string text = "\"\"\"doc\"\"\"\n# comment\nUID_dictionary: Dict[str, Tuple[str, str, str, str, str]] = {\n"
            + "    '1.2': ('Name \\'quoted\\'', \"SOP Class\", '', 'Retired', 'Kw'),  # noqa\n"
            + "    '1.3': ('Long ' 'name', 'Transfer Syntax', 'info', '', 'K2'),\n}\n";
        var problems = new List<string>();
        List<PydicomUid> rows = PythonUidDictParser.Parse(text, problems)!;
        problems.Should().BeEmpty();
        rows.Should().Equal(
            new PydicomUid("1.2", "Name 'quoted'", "SOP Class", "", true, "Kw"),
            new PydicomUid("1.3", "Long name", "Transfer Syntax", "info", false, "K2"));
    }

    [TestCase("UID_dictionary = {'1.2': ('a', 'b')}")]
    [TestCase("UID_dictionary = {'1.2': ('a', 'b', 'c', 'd', 'e')")]
    [TestCase("UID_dictionary = ['1.2']")]
    [TestCase("other = {}")]
    [TestCase("UID_dictionary = {'1.2: ('a', 'b', 'c', 'd', 'e')}")]
    public void Reports_malformed_pydicom_files(string text)
    {
        var problems = new List<string>();
        PythonUidDictParser.Parse(text, problems).Should().BeNull();
        problems.Should().ContainSingle();
    }

    [Test]
    public void Sorts_UIDs_by_component() =>
        new[] { "1.2.10", "1.2.9", "1.2", "1.10" }.Order(Comparer<string>.Create(UidsWriter.CompareUids))
            .Should().Equal("1.2", "1.2.9", "1.2.10", "1.10");
}

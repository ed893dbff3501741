namespace ImageQuality.Dicom.Tests.Conformance;

public sealed class DcmdumpLineParserTests
{
    [Test]
    public void Parses_a_string_element()
    {
        DcmdumpLineParser.TryParse("(0008,0060) CS [MR]                                     #   2, 1 Modality", out DcmdumpLine line).Should().BeTrue();

        line.Should().Be(new DcmdumpLine(0, new DicomTag(0x00080060), "CS", DcmdumpLineKind.Value, "[MR]", 2, 1, 0));
    }

    [Test]
    public void Parses_a_nested_line_with_a_four_digit_VM()
    {
        // dcmtk prints the VM in a two-character field, so a long one touches the comma.
        DcmdumpLineParser.TryParse("    (0028,3006) US (not loaded)                             # 6894,3447 LUTData", out DcmdumpLine line).Should().BeTrue();

        line.Depth.Should().Be(2);
        line.Kind.Should().Be(DcmdumpLineKind.NotLoaded);
        line.Length.Should().Be(6894);
        line.VM.Should().Be(3447);
    }

    [TestCase("(0008,1140) SQ (Sequence with undefined length #=3)     # u/l, 1 ReferencedImageSequence", "Sequence", 3)]
    [TestCase("  (fffe,e000) na (Item with explicit length #=7)          # 124, 1 Item", "Item", 7)]
    [TestCase("  (fffe,e000) na \"Directory Record\" SERIES #=7            # 124, 1 Item", "Item", 7)]
    [TestCase("(7fe0,0010) OB (PixelSequence #=11)                     # u/l, 1 PixelData", "PixelSequence", 11)]
    [TestCase("  (fffe,e000) pi 00\\00\\00\\00                              #   4, 1 Item", "Value", 0)]
    [TestCase("(0010,0030) DA (no value available)                     #   0, 0 PatientBirthDate", "Empty", 0)]
    [TestCase("(fffe,e0dd) na (SequenceDelimitationItem)               #   0, 0 SequenceDelimitationItem", "Delimiter", 0)]
    [TestCase("  (fffe,e00d) na \"ItemDelimitationItem for re-encoding\"   #   0, 0 ItemDelimitationItem", "Delimiter", 0)]
    public void Classifies_structural_lines(string text, string kind, int count)
    {
        DcmdumpLineParser.TryParse(text, out DcmdumpLine line).Should().BeTrue();

        line.Kind.Should().Be(Enum.Parse<DcmdumpLineKind>(kind));
        line.Count.Should().Be(count);
    }

    [Test]
    public void A_value_holding_a_hash_is_cut_at_the_last_trailer()
    {
        DcmdumpLineParser.TryParse("(0008,103e) LO [a # 12, 1 b]                            #  12, 1 SeriesDescription", out DcmdumpLine line).Should().BeTrue();

        line.Text.Should().Be("[a # 12, 1 b]");
    }

    [TestCase("")]
    [TestCase("# Dicom-File-Format")]
    [TestCase("W: DcmItem: Length of element (0040,0253) is odd")]
    [TestCase("  #  offset=$724")]
    public void Other_lines_are_not_elements(string text) =>
        DcmdumpLineParser.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Unquotes_markup_byte_by_byte()
    {
        byte[] bytes = DcmdumpLineParser.Unquote("J&#195;&#182;rg&#13;&#10;&amp;&lt;&gt;&quot;&apos;&#0;");

        bytes.Should().Equal([.. "J"u8, 0xC3, 0xB6, .. "rg\r\n&<>\"'"u8, 0x00]);
    }

    [Test]
    public void A_lone_ampersand_stays()
    {
        DcmdumpLineParser.Unquote("a & b").Should().Equal("a & b"u8.ToArray());
    }
}

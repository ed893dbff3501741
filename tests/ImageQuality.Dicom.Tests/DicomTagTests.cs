namespace ImageQuality.Dicom.Tests;

public sealed class DicomTagTests
{
    [Test]
    public void Formats_like_dcmdump()
    {
        new DicomTag(0x0010, 0x0010).ToString().Should().Be("(0010,0010)");
        new DicomTag(0x7FE0, 0x0010).ToString().Should().Be("(7fe0,0010)");
    }

    [TestCase("(0043,1039)", 0x00431039u)]
    [TestCase("0043,1039", 0x00431039u)]
    [TestCase("00431039", 0x00431039u)]
    public void Parses(string text, uint expected)
    {
        DicomTag.TryParse(text, out DicomTag tag).Should().BeTrue();
        tag.Value.Should().Be(expected);
    }

    [Test]
    public void Knows_private_creators_and_their_blocks()
    {
        var element = new DicomTag(0x0043, 0x1039);
        element.IsPrivate.Should().BeTrue();
        element.IsPrivateCreator.Should().BeFalse();
        element.PrivateCreatorTag.Should().Be(new DicomTag(0x0043, 0x0010));
        new DicomTag(0x0043, 0x0010).IsPrivateCreator.Should().BeTrue();
        new DicomTag(0x0008, 0x0010).IsPrivate.Should().BeFalse();
    }
}

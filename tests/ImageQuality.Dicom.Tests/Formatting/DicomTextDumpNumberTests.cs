using ImageQuality.Dicom.Formatting;

namespace ImageQuality.Dicom.Tests.Formatting;

public sealed class DicomTextDumpNumberTests
{
    [Test]
    public void AT_values_print_as_tags_four_bytes_each()
    {
        // (0020,9056) and (0020,9057) as two AT values, each two little endian 16-bit numbers.
        byte[] data = [0x20, 0x00, 0x56, 0x90, 0x20, 0x00, 0x57, 0x90];

        DicomTextDump.FormatNumbers(data, DicomVR.AT).Should().Be("(0020,9056)\\(0020,9057)");
    }

    [Test]
    public void A_trailing_partial_AT_value_is_left_out()
    {
        byte[] data = [0x20, 0x00, 0x56, 0x90, 0x20, 0x00];

        DicomTextDump.FormatNumbers(data, DicomVR.AT).Should().Be("(0020,9056)");
    }

    [Test]
    public void US_values_print_backslash_separated()
    {
        byte[] data = [0x60, 0x00, 0x00, 0x00, 0xFF, 0xFF];

        DicomTextDump.FormatNumbers(data, DicomVR.US).Should().Be("96\\0\\65535");
    }
}

using System.Text;

namespace ImageQuality.Dicom.Tests.Conformance;

public sealed class DcmdumpValueComparerTests
{
    private static readonly DicomTag AnyTag = new(0x00181030);

    private static bool Compare(string theirText, string vr, byte[] ours, DcmdumpLineKind kind = DcmdumpLineKind.Value, long? length = null) =>
        DcmdumpValueComparer.Matches(new DicomDataset(), AnyTag, ours, new DcmdumpLine(0, AnyTag, vr, kind, theirText, length ?? ours.Length, 1, 0), convertedToUtf8: true, out _, out _);

    [Test]
    public void Strings_match_without_their_trailing_padding()
    {
        Compare("[ORIGINAL\\PRIMARY ]", "CS", Encoding.ASCII.GetBytes("ORIGINAL\\PRIMARY ")).Should().BeTrue();
        Compare("[1.2.840.10008.1.2&#0;]", "UI", Encoding.ASCII.GetBytes("1.2.840.10008.1.2\0")).Should().BeTrue();
    }

    [Test]
    public void Leading_spaces_count()
    {
        Compare("[ abc]", "LT", Encoding.ASCII.GetBytes("abc ")).Should().BeFalse();
    }

    [Test]
    public void FL_denormals_match_however_printed()
    {
        byte[] smallest = BitConverter.GetBytes(float.Epsilon);

        Compare("1.40129846e-45", "FL", smallest).Should().BeTrue();
        Compare("2.80259693e-45", "FL", smallest).Should().BeFalse();
    }

    [Test]
    public void FD_values_match_within_printing_precision()
    {
        Compare("0.1\\-2.5", "FD", [.. BitConverter.GetBytes(0.1), .. BitConverter.GetBytes(-2.5)]).Should().BeTrue();
        Compare("0.1", "FD", BitConverter.GetBytes(0.1001)).Should().BeFalse();
    }

    [Test]
    public void Bytes_and_words_compare_as_hex()
    {
        Compare("00\\01\\ff", "OB", [0x00, 0x01, 0xFF]).Should().BeTrue();
        Compare("0201\\ffff", "OW", [0x01, 0x02, 0xFF, 0xFF]).Should().BeTrue();
        Compare("0102\\ffff", "OW", [0x01, 0x02, 0xFF, 0xFF]).Should().BeFalse();
    }

    [Test]
    public void Values_not_loaded_compare_by_length()
    {
        Compare("(not loaded)", "OW", new byte[5000], DcmdumpLineKind.NotLoaded, 5000).Should().BeTrue();
        Compare("(not loaded)", "OW", new byte[5000], DcmdumpLineKind.NotLoaded, 5002).Should().BeFalse();
    }

    [Test]
    public void An_empty_value_matches_only_an_empty_value()
    {
        Compare("(no value available)", "DA", [], DcmdumpLineKind.Empty).Should().BeTrue();
        Compare("(no value available)", "DA", "20240101"u8.ToArray(), DcmdumpLineKind.Empty).Should().BeFalse();
        Compare("[20240101]", "DA", []).Should().BeFalse();
    }
}

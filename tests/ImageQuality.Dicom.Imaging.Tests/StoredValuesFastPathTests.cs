using ImageQuality.Dicom.Imaging.Pipeline;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// The single-pass paths rendering uses (<see cref="StoredValues.MapThroughTable"/>, <see cref="StoredValues.Occurring"/>)
/// agree with <see cref="StoredValues.Extract(PixelFrame, int)"/> for every layout: 8 and 16 bits allocated,
/// fewer stored bits, a high bit below the top, signed values, junk above the stored bits, colour.
/// </summary>
public sealed class StoredValuesFastPathTests
{
    [TestCase(16, 16, 15, 0, 1)]
    [TestCase(16, 12, 11, 0, 1)]
    [TestCase(16, 12, 13, 0, 1)]
    [TestCase(16, 12, 11, 1, 1)]
    [TestCase(16, 10, 14, 1, 1)]
    [TestCase(16, 16, 15, 1, 1)]
    [TestCase(8, 8, 7, 0, 1)]
    [TestCase(8, 6, 5, 1, 1)]
    [TestCase(8, 8, 7, 0, 3)]
    [TestCase(32, 16, 15, 1, 1)]
    public void Fast_paths_agree_with_Extract(int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation, int samples)
    {
        var d = new PixelDataDescription
        {
            Rows = 13,
            Columns = 17,
            BitsAllocated = bitsAllocated,
            BitsStored = bitsStored,
            HighBit = highBit,
            PixelRepresentation = pixelRepresentation,
            SamplesPerPixel = samples,
            PhotometricInterpretation = samples == 3 ? "RGB" : "MONOCHROME2",
        };
        byte[] data = new byte[d.FrameLength];
        new Random(bitsStored * 100 + highBit).NextBytes(data); // junk above the stored bits too
        var frame = new PixelFrame(d, data);
        int[] expected = StoredValues.Extract(frame);
        (int min, int max) = StoredValues.PossibleRange(d);

        byte[] table = new byte[max - min + 1];
        for (int v = min; v <= max; v++)
        {
            table[v - min] = (byte)((v * 31) ^ (v >> 3));
        }

        byte[] mapped = new byte[d.Rows * d.Columns];
        StoredValues.MapThroughTable(frame, table, min, mapped);
        mapped.Should().Equal(expected.Select(v => table[v - min]));

        bool[] occurring = StoredValues.Occurring(frame);
        var seen = Enumerable.Range(0, occurring.Length).Where(i => occurring[i]).Select(i => i + min);
        seen.Should().BeEquivalentTo(expected.Distinct());
    }

    [Test]
    public void A_table_that_does_not_cover_the_stored_values_is_refused()
    {
        var d = new PixelDataDescription { Rows = 2, Columns = 2, BitsAllocated = 16, BitsStored = 12, HighBit = 11 };
        Action act = () => StoredValues.MapThroughTable(new PixelFrame(d, new byte[8]), new byte[100], 0, new byte[4]);
        act.Should().Throw<ArgumentException>();
    }
}

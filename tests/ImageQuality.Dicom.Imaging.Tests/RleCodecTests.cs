using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

public sealed class RleCodecTests
{
    private static IEnumerable<string> RleFiles() => TestCorpus.AllFiles()
        .Where(IsRle)
        .Select(TestCorpus.Relative)
        .DefaultIfEmpty("(corpus absent)");

    private static bool IsRle(string path)
    {
        try
        {
            return DicomFile.Open(path, new IO.DicomReadOptions { StopBeforePixelData = true }).TransferSyntax.Equals(TransferSyntax.RLELossless);
        }
        catch (IO.DicomFormatException)
        {
            return false;
        }
    }

    [TestCaseSource(nameof(RleFiles))]
    public void Decodes_every_frame_as_dcmdrle_does(string relative)
    {
        string path = TestCorpus.File(relative);
        var pixels = DicomPixelData.Create(DicomFile.Open(path));
        DicomFile oracle = DecompressionOracle.Decompress("dcmdrle", path);
        byte[] expected = oracle.Dataset.Find(new DicomTag(0x7FE00010))!.Data.ToArray();
        long frameLength = pixels.Description.FrameLength;
        for (int f = 0; f < pixels.FrameCount; f++)
        {
            byte[] ours = pixels.DecodeFrame(f).Data;
            ours.Should().Equal(expected.AsSpan((int)(f * frameLength), (int)frameLength).ToArray(), $"frame {f} of {relative}");
        }
    }

    [Test]
    public void PackBits_runs_follow_annex_G()
    {
        byte[] output = new byte[8];
        // Literal run of 3 (n=2), replicate 0x7F four times (n=-3), -128 is a no-op, literal run of 1.
        int n = RleCodec.DecodeSegment([2, 1, 2, 3, 0xFD, 0x7F, 0x80, 0, 9], output);
        n.Should().Be(8);
        output.Should().Equal(1, 2, 3, 0x7F, 0x7F, 0x7F, 0x7F, 9);
    }

    [Test]
    public void A_literal_run_past_the_segment_end_is_a_clear_error()
    {
        Action act = () => RleCodec.DecodeSegment([5, 1, 2], new byte[8]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*past the end*");
    }

    [Test]
    public void Segment_offsets_outside_the_frame_are_rejected()
    {
        byte[] frame = new byte[70];
        frame[0] = 1;
        frame[4] = 200; // segment 1 starts past the end
        var d = new PixelDataDescription { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action act = () => new RleCodec().Decode(frame, d, new byte[4]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*outside*");
    }
}

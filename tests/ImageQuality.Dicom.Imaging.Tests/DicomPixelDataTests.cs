using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

public sealed class DicomPixelDataTests
{
    [Test]
    public void Native_frames_of_every_native_syntax_hold_the_same_pixels()
    {
        string[] names = ["1_Explicit_VR_LE.dcm", "2_Implicit_VR_LE.dcm", "3_Explicit_VR_BIG_ENDIAN.dcm"];
        byte[]? first = null;
        foreach (string name in names)
        {
            DicomFile file = DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + name));
            var pixels = DicomPixelData.Create(file);
            pixels.IsEncapsulated.Should().BeFalse();
            byte[] frame = pixels.DecodeFrame(0).Data;
            frame.Length.Should().Be((int)pixels.Description.FrameLength);
            if (first is null)
            {
                first = frame;
            }
            else
            {
                frame.Should().Equal(first, $"{name} must decode to the same pixels as explicit VR little endian");
            }
        }
    }

    [Test]
    public void Encapsulated_frames_are_found_for_multi_frame_objects()
    {
        DicomFile file = DicomFile.Open(TestCorpus.File("mr_enhanced/pydicom_emri_small_EnhMR_10frames_RLE.dcm"));
        var pixels = DicomPixelData.Create(file);
        pixels.IsEncapsulated.Should().BeTrue();
        pixels.FrameCount.Should().Be(10);
        for (int i = 0; i < 10; i++)
        {
            pixels.GetCompressedFrame(i).Length.Should().BeGreaterThan(64);
        }
    }

    [Test]
    public void Asking_for_a_frame_that_does_not_exist_says_how_many_there_are()
    {
        DicomFile file = DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm"));
        var pixels = DicomPixelData.Create(file);
        Action act = () => pixels.DecodeFrame(1);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1 frame(s)*");
    }
}

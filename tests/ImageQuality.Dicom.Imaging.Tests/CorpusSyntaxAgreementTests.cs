using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// The corpus README's promises: <c>robustness/dcm_qa_ts/</c> is one image in 9 transfer syntaxes that decode
/// to the same pixels, and the files it lists as meant to fail pixel decoding fail with a clear error.
/// </summary>
public sealed class CorpusSyntaxAgreementTests
{
    private static readonly string[] DcmQaTs =
    [
        "2_Implicit_VR_LE.dcm",
        "3_Explicit_VR_BIG_ENDIAN.dcm",
        "4_RLE_Lossless.dcm",
        "5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm",
        "6_JPEG_Lossless_.4.70.dcm",
        "7_JPEG-LS_lossless_.4.80.dcm",
        "8_JPEG-LS_lossless_.4.80.dcm",
        "9_JPEG_2000_lossless_.4.90.dcm",
    ];

    [Test]
    public void All_nine_syntaxes_of_dcm_qa_ts_decode_to_the_same_pixels()
    {
        PixelFrame reference = Decode("1_Explicit_VR_LE.dcm");
        int[] referenceValues = Pipeline.StoredValues.Extract(reference);
        referenceValues.Distinct().Count().Should().BeGreaterThan(100, "the reference is a real MR image");
        var syntaxes = new HashSet<string>(StringComparer.Ordinal) { TransferSyntax.ExplicitVRLittleEndian.Uid };
        foreach (string name in DcmQaTs)
        {
            DicomFile file = DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + name));
            syntaxes.Add(file.TransferSyntax.Uid);
            PixelFrame frame = DicomPixelData.Create(file).DecodeFrame(0);
            frame.Data.Should().Equal(reference.Data, $"{name} ({file.TransferSyntax.Name}) holds the pixels of 1_Explicit_VR_LE.dcm");
            Pipeline.StoredValues.Extract(frame).Should().Equal(referenceValues, $"the stored values of {name}");
        }

        // 5 and 6 share 1.2.840.10008.1.2.4.70 and 7 and 8 share 1.2.840.10008.1.2.4.80 (different encoders).
        syntaxes.Should().HaveCount(7);
    }

    [TestCase("robustness/pydicom/MR_truncated.dcm", typeof(DicomFormatException), "*truncated*")]
    [TestCase("robustness/pydicom/meta_missing_tsyntax.dcm", typeof(DicomPixelDataException), "*image pixel module is incomplete*")]
    [TestCase("robustness/pydicom/nested_priv_SQ.dcm", typeof(DicomPixelDataException), "*image pixel module is incomplete*")]
    public void Files_meant_to_fail_pixel_decoding_fail_with_a_clear_error(string relative, Type expected, string message)
    {
        string path = TestCorpus.File(relative);
        Exception? error = null;
        try
        {
            var pixels = DicomPixelData.Create(DicomFile.Open(path));
            for (int f = 0; f < pixels.FrameCount; f++)
            {
                pixels.DecodeFrame(f);
            }
        }
        catch (Exception e) when (e is DicomFormatException or DicomPixelDataException)
        {
            error = e;
        }

        error.Should().NotBeNull($"{relative} is listed as meant to fail pixel decoding");
        error.Should().BeOfType(expected);
        error!.Message.Should().Match(message);
    }

    private static PixelFrame Decode(string name) =>
        DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + name))).DecodeFrame(0);
}

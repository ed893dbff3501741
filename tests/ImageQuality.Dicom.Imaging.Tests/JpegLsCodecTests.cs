using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Imaging.Codecs.JpegLs;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

public sealed class JpegLsCodecTests
{
    private const string RgbSource = "robustness/pydicom-debian/SC_rgb_jpeg_dcmd.dcm";
    private const string MultiFrameSource = "mr_enhanced/pydicom_emri_small_EnhMR_10frames.dcm";

    private static IEnumerable<string> JpegLsFiles() =>
        CodecTestSupport.CorpusFiles(TransferSyntax.JPEGLSLossless, TransferSyntax.JPEGLSNearLossless);

    [TestCaseSource(nameof(JpegLsFiles))]
    public void Decodes_every_frame_as_dcmdjpls_does(string relative)
    {
        RequireCharLs();
        string path = TestCorpus.File(relative);
        var pixels = DicomPixelData.Create(DicomFile.Open(path));
        DicomFile oracle = DecompressionOracle.Decompress("dcmdjpls", path);
        PixelDataDescription[] decoded = CodecTestSupport.AssertFramesEqual(pixels, oracle, relative);
        decoded.Should().AllSatisfy(d => d.Should().Be(pixels.Description, "JPEG-LS decoding keeps the frame's description"));
    }

    [TestCase("7_JPEG-LS_lossless_.4.80.dcm")]
    [TestCase("8_JPEG-LS_lossless_.4.80.dcm")]
    public void The_dcm_qa_ts_JPEG_LS_files_hold_the_uncompressed_files_pixels(string name)
    {
        RequireCharLs();
        byte[] reference = CodecTestSupport.PixelData(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm")));
        byte[] implicitVr = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/2_Implicit_VR_LE.dcm"))).DecodeFrame(0).Data;
        byte[] ours = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + name))).DecodeFrame(0).Data;
        ours.Should().Equal(reference.AsSpan(0, ours.Length).ToArray());
        ours.Should().Equal(implicitVr);
    }

    [TestCase("+il")]
    [TestCase("+is")]
    [TestCase("+in")]
    public void Colour_decodes_as_dcmdjpls_does_in_every_interleave_mode(string interleave)
    {
        RequireCharLs();
        string source = TestCorpus.File(RgbSource);
        using TemporaryFile encoded = DecompressionOracle.Encode("dcmcjpls", source, interleave);
        var pixels = DicomPixelData.Create(DicomFile.Open(encoded.Path));
        pixels.TransferSyntax.Should().Be(TransferSyntax.JPEGLSLossless);
        DicomFile oracle = DecompressionOracle.Decompress("dcmdjpls", encoded.Path);
        PixelDataDescription[] decoded = CodecTestSupport.AssertFramesEqual(pixels, oracle, $"RGB encoded with {interleave}");
        decoded[0].PlanarConfiguration.Should().Be(oracle.Dataset.TryGetInt32(new DicomTag(0x00280006), out int pc) ? pc : 0);

        // Lossless: the original pixels come back too.
        pixels.DecodeFrame(0).Data.Should().Equal(DicomPixelData.Create(DicomFile.Open(source)).DecodeFrame(0).Data);
    }

    [TestCase("+el")]
    [TestCase("+en")]
    public void Multi_frame_images_decode_frame_by_frame_as_dcmdjpls_does(string mode)
    {
        RequireCharLs();
        using TemporaryFile encoded = DecompressionOracle.Encode("dcmcjpls", TestCorpus.File(MultiFrameSource), mode);
        var pixels = DicomPixelData.Create(DicomFile.Open(encoded.Path));
        pixels.FrameCount.Should().Be(10);
        pixels.IsEncapsulated.Should().BeTrue();
        DicomFile oracle = DecompressionOracle.Decompress("dcmdjpls", encoded.Path);
        CodecTestSupport.AssertFramesEqual(pixels, oracle, "10-frame MR " + mode);
    }

    [TestCase("robustness/pydicom/MR_small_jpeg_ls_lossless.dcm", 1, 100, 200)]
    [TestCase("robustness/dcm_qa_ts/7_JPEG-LS_lossless_.4.80.dcm", 2, 30, 70)]
    [TestCase("robustness/pydicom/JPEGLSNearLossless_16.dcm", 3, 100, 200)]
    public void Truncated_and_mutated_frames_fail_cleanly_and_never_write_outside_the_frame(string relative, int seed, int truncations, int mutations)
    {
        RequireCharLs();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File(relative)));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        (int decoded, int rejected) = CodecTestSupport.RunMutations(new CharLsCodec(), frame, pixels.Description, seed, truncations, mutations);
        rejected.Should().BeGreaterThan(truncations / 2, "a frame cut before its last scan bytes is invalid");
        (decoded + rejected).Should().Be(truncations + mutations);
    }

    [Test]
    public void A_frame_header_that_disagrees_with_the_data_set_is_rejected_before_decoding()
    {
        RequireCharLs();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/pydicom/MR_small_jpeg_ls_lossless.dcm")));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        var codec = new CharLsCodec();

        PixelDataDescription taller = pixels.Description with { Rows = pixels.Description.Rows + 1 };
        Action rows = () => codec.Decode(frame, taller, new byte[taller.FrameLength]);
        rows.Should().Throw<DicomPixelDataException>().WithMessage("*64x64*64x65*");

        PixelDataDescription colour = pixels.Description with { SamplesPerPixel = 3 };
        Action samples = () => codec.Decode(frame, colour, new byte[colour.FrameLength]);
        samples.Should().Throw<DicomPixelDataException>().WithMessage("*1 component(s)*Samples per Pixel 3*");

        PixelDataDescription bytes = pixels.Description with { BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action narrow = () => codec.Decode(frame, bytes, new byte[bytes.FrameLength]);
        narrow.Should().Throw<DicomPixelDataException>().WithMessage("*16-bit samples*Bits Allocated 8*");
    }

    [Test]
    public void Garbage_is_reported_with_CharLS_s_message()
    {
        RequireCharLs();
        var d = new PixelDataDescription { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action act = () => new CharLsCodec().Decode([0x12, 0x34, 0x56, 0x78], d, new byte[4]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("JPEG-LS decoding failed reading the JPEG-LS header: *(CharLS error *)*");
    }

    [Test]
    public void A_missing_library_makes_the_codec_unavailable_naming_the_Debian_package()
    {
        var codec = new CharLsCodec("libcharls-missing.so.99");
        codec.IsAvailable.Should().BeFalse();
        codec.UnavailableReason.Should().Be("libcharls-missing.so.99 not found: install the Debian package libcharls2");
        var d = new PixelDataDescription { Rows = 1, Columns = 1, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action act = () => codec.Decode([0xFF, 0xD8], d, new byte[1]);
        act.Should().Throw<CodecUnavailableException>().WithMessage("*libcharls2*");
    }

    [Test]
    public void Both_JPEG_LS_syntaxes_are_registered()
    {
        RequireCharLs();
        FrameCodecRegistry.Find(TransferSyntax.JPEGLSLossless).Should().BeOfType<CharLsCodec>();
        FrameCodecRegistry.Find(TransferSyntax.JPEGLSNearLossless).Should().BeOfType<CharLsCodec>();
        FrameCodecRegistry.CanDecode(TransferSyntax.JPEGLSNearLossless).Should().BeTrue();
    }

    private static void RequireCharLs()
    {
        var codec = new CharLsCodec();
        if (!codec.IsAvailable)
        {
            Assert.Ignore(codec.UnavailableReason!);
        }
    }
}

using System.Runtime.CompilerServices;
using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Imaging.Codecs.Jpeg2000;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

public sealed class Jpeg2000CodecTests
{
    private const string RgbSource = "robustness/pydicom-debian/SC_rgb_jpeg_dcmd.dcm";
    private const string MultiFrameSource = "mr_enhanced/pydicom_emri_small_EnhMR_10frames.dcm";
    private static readonly DicomTag PhotometricInterpretation = new(0x00280004);
    private static readonly DicomTag PlanarConfiguration = new(0x00280006);

    private static IEnumerable<string> Jpeg2000Files() => CodecTestSupport.CorpusFiles(
        TransferSyntax.JPEG2000Lossless,
        TransferSyntax.JPEG2000,
        TransferSyntax.JPEG2000MCLossless,
        TransferSyntax.JPEG2000MC,
        TransferSyntax.HTJ2KLossless,
        TransferSyntax.HTJ2KLosslessRPCL,
        TransferSyntax.HTJ2K);

    [TestCaseSource(nameof(Jpeg2000Files))]
    public void Decodes_every_frame_as_gdcmconv_raw_does(string relative)
    {
        RequireOpenJpeg();
        string path = TestCorpus.File(relative);
        var pixels = DicomPixelData.Create(DicomFile.Open(path));
        DicomFile? oracle = DecompressionOracle.TryDecompress("gdcmconv", path, out string complaint, "--raw");
        if (oracle is null)
        {
            // What GDCM (on the same OpenJPEG) cannot decode, we must refuse with a clear error, not crash.
            Action act = () => pixels.DecodeFrame(0);
            act.Should().Throw<DicomPixelDataException>($"gdcmconv refused it ({complaint})").WithMessage("*JPEG 2000*");
            return;
        }

        PixelDataDescription[] decoded = CodecTestSupport.AssertFramesEqual(pixels, oracle, relative);
        foreach (PixelDataDescription d in decoded)
        {
            d.PhotometricInterpretation.Should().Be(oracle.Dataset.GetString(PhotometricInterpretation)!.Trim());
            if (d.SamplesPerPixel > 1)
            {
                d.PlanarConfiguration.Should().Be(oracle.Dataset.TryGetInt32(PlanarConfiguration, out int pc) ? pc : 0);
            }
        }
    }

    [TestCase("2_Implicit_VR_LE.dcm")]
    [TestCase("1_Explicit_VR_LE.dcm")]
    public void The_dcm_qa_ts_JPEG_2000_file_holds_the_uncompressed_files_pixels(string uncompressed)
    {
        RequireOpenJpeg();
        byte[] reference = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + uncompressed))).DecodeFrame(0).Data;
        byte[] ours = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/9_JPEG_2000_lossless_.4.90.dcm"))).DecodeFrame(0).Data;
        ours.Should().Equal(reference);
    }

    [TestCase(MultiFrameSource, "--j2k")]
    [TestCase(RgbSource, "--j2k")]
    [TestCase(RgbSource, "--j2k", "--lossy", "-q", "30")]
    [TestCase(MultiFrameSource, "--j2k", "--lossy", "--irreversible", "-q", "40")]
    public void Images_encoded_by_GDCM_decode_as_gdcmconv_raw_does(string relative, params string[] options)
    {
        RequireOpenJpeg();
        string source = TestCorpus.File(relative);
        using TemporaryFile encoded = DecompressionOracle.Encode("gdcmconv", source, options);
        var pixels = DicomPixelData.Create(DicomFile.Open(encoded.Path));
        pixels.IsEncapsulated.Should().BeTrue();
        DicomFile oracle = DecompressionOracle.Decompress("gdcmconv", encoded.Path, "--raw");
        CodecTestSupport.AssertFramesEqual(pixels, oracle, $"{relative} {string.Join(' ', options)}");
        if (!pixels.TransferSyntax.IsLossy)
        {
            var original = DicomPixelData.Create(DicomFile.Open(source));
            for (int f = 0; f < pixels.FrameCount; f++)
            {
                pixels.DecodeFrame(f).Data.Should().Equal(original.DecodeFrame(f).Data, $"lossless frame {f} keeps the original pixels");
            }
        }
    }

    [Test]
    public void High_throughput_JPEG_2000_decodes_losslessly_where_the_host_opts_in()
    {
        RequireOpenJpeg();
        var codec = new OpenJpegCodec(highThroughput: true);
        codec.TransferSyntaxes.Should().Contain(TransferSyntax.HTJ2KLossless).And.Contain(TransferSyntax.HTJ2K);
        (PixelDataDescription gray, byte[] grayExpected) = SyntheticGray();
        byte[] decoded = new byte[gray.FrameLength];
        codec.Decode(TestData("htj2k-gray12-37x23.j2c"), gray, decoded).Should().Be(gray);
        decoded.Should().Equal(grayExpected);

        (PixelDataDescription rgb, byte[] rgbExpected) = SyntheticRgb();
        decoded = new byte[rgb.FrameLength];
        codec.Decode(TestData("htj2k-rgb8-19x11.j2c"), rgb, decoded).PhotometricInterpretation.Should().Be("RGB");
        decoded.Should().Equal(rgbExpected);
    }

    [Test]
    public void High_throughput_JPEG_2000_is_off_by_default_and_says_why()
    {
        RequireOpenJpeg();
        (PixelDataDescription gray, _) = SyntheticGray();
        Action decode = () => new OpenJpegCodec().Decode(TestData("htj2k-gray12-37x23.j2c"), gray, new byte[gray.FrameLength]);
        decode.Should().Throw<DicomPixelDataException>().WithMessage("*High-Throughput*openjpeg#1500*");

        new OpenJpegCodec().TransferSyntaxes.Should().NotContain(OpenJpegCodec.HighThroughputSyntaxes);
        FrameCodecRegistry.CanDecode(TransferSyntax.HTJ2KLossless).Should().BeFalse();
        Action require = () => FrameCodecRegistry.Require(TransferSyntax.HTJ2KLosslessRPCL);
        require.Should().Throw<CodecUnavailableException>().WithMessage("*HTJ2K decoding is off*openjpeg#1500*");
        FrameCodecRegistry.Find(TransferSyntax.JPEG2000).Should().BeOfType<OpenJpegCodec>();
        FrameCodecRegistry.Find(TransferSyntax.JPEG2000MCLossless).Should().BeOfType<OpenJpegCodec>();
    }

    [Test]
    public void High_throughput_code_blocks_are_found_in_tile_part_headers_too()
    {
        // SOC, SIZ (1x1, one 8-bit component), then a tile-part whose own COD selects HT code-blocks (style 0x40).
        byte[] cs =
        [
            0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x29, 0x00, 0x00, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1,
            0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01, 0x07, 0x01, 0x01,
            0xFF, 0x52, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x04, 0x04, 0x00, 0x01,
            0xFF, 0x90, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00, 0x1C, 0x00, 0x01,
            0xFF, 0x52, 0x00, 0x0C, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x04, 0x04, 0x40, 0x01,
            0xFF, 0x93, 0xFF, 0xD9,
        ];
        var d = new PixelDataDescription { Rows = 1, Columns = 1, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action act = () => J2kHeaderGuard.Check(cs, d, allowHighThroughput: false);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*High-Throughput*");
        J2kHeaderGuard.UsesHighThroughput(cs, 4 + 0x29, 1).Should().BeTrue();

        cs[^6] = 0x00; // the tile-part COD back to ordinary code-blocks
        J2kHeaderGuard.UsesHighThroughput(cs, 4 + 0x29, 1).Should().BeFalse();
        J2kHeaderGuard.Check(cs, d, allowHighThroughput: false);
    }

    [Test]
    public void A_JP2_file_in_place_of_a_codestream_is_read_too()
    {
        RequireOpenJpeg();
        (PixelDataDescription gray, byte[] expected) = SyntheticGray();
        byte[] decoded = new byte[gray.FrameLength];
        new OpenJpegCodec().Decode(TestData("j2k-gray12-37x23.jp2"), gray, decoded);
        decoded.Should().Equal(expected);
    }

    [TestCase("robustness/pydicom/MR_small_jp2klossless.dcm", 11, 100, 200)]
    [TestCase("robustness/dcm_qa_ts/9_JPEG_2000_lossless_.4.90.dcm", 12, 20, 30)]
    [TestCase("robustness/pydicom-debian/SC_rgb_gdcm_KY.dcm", 13, 100, 200)]
    [TestCase("robustness/pydicom-debian/693_J2KI.dcm", 14, 50, 100)]
    public void Truncated_and_mutated_frames_fail_cleanly_and_never_write_outside_the_frame(string relative, int seed, int truncations, int mutations)
    {
        RequireOpenJpeg();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File(relative)));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        (int decoded, int rejected) = CodecTestSupport.RunMutations(new OpenJpegCodec(), frame, pixels.Description, seed, truncations, mutations);
        rejected.Should().BeGreaterThan(truncations / 4, "truncations that cut the main header or a tile-part are invalid");
        (decoded + rejected).Should().Be(truncations + mutations);
    }

    [Test]
    public void Truncated_and_mutated_HTJ2K_codestreams_are_refused_or_decoded_by_the_default_codec()
    {
        RequireOpenJpeg();
        (PixelDataDescription gray, _) = SyntheticGray();
        (int decoded, int rejected) = CodecTestSupport.RunMutations(new OpenJpegCodec(), TestData("htj2k-gray12-37x23.j2c"), gray, seed: 15, truncations: 100, mutations: 200);
        rejected.Should().BeGreaterThan(250, "the HT signals (Rsiz, CAP, COD) survive almost every mutation");
        (decoded + rejected).Should().Be(300);
    }

    [Test]
    public void A_main_header_declaring_a_huge_image_or_tiny_tiles_is_refused_before_OpenJPEG_reads_it()
    {
        RequireOpenJpeg();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/pydicom-debian/SC_rgb_gdcm_KY.dcm")));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        var codec = new OpenJpegCodec();
        byte[] buffer = new byte[pixels.Description.FrameLength];

        byte[] wide = (byte[])frame.Clone();
        wide[9] = 0x5B; // Xsiz 0x005B0064: 5963876 columns, which OpenJPEG would spend seconds tiling
        Action huge = () => codec.Decode(wide, pixels.Description, buffer);
        huge.Should().Throw<DicomPixelDataException>().WithMessage("The JPEG 2000 image is 5963876x100; the data set says 100x100*");

        byte[] tiny = (byte[])frame.Clone();
        tiny[27] = 1; // XTsiz 1
        tiny[31] = 1; // YTsiz 1: 10000 tiles
        Action tiles = () => codec.Decode(tiny, pixels.Description, buffer);
        tiles.Should().Throw<DicomPixelDataException>().WithMessage("*declares 10000 tiles*");
    }

    [Test]
    public void An_image_header_that_disagrees_with_the_data_set_is_rejected_before_decoding()
    {
        RequireOpenJpeg();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/pydicom/MR_small_jp2klossless.dcm")));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        var codec = new OpenJpegCodec();

        PixelDataDescription wider = pixels.Description with { Columns = 65 };
        Action columns = () => codec.Decode(frame, wider, new byte[wider.FrameLength]);
        columns.Should().Throw<DicomPixelDataException>().WithMessage("*is 64x64; the data set says 65x64*");

        PixelDataDescription colour = pixels.Description with { SamplesPerPixel = 3 };
        Action samples = () => codec.Decode(frame, colour, new byte[colour.FrameLength]);
        samples.Should().Throw<DicomPixelDataException>().WithMessage("*1 component(s)*Samples per Pixel 3*");

        PixelDataDescription bytes = pixels.Description with { BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action narrow = () => codec.Decode(frame, bytes, new byte[bytes.FrameLength]);
        narrow.Should().Throw<DicomPixelDataException>().WithMessage("*16-bit samples*Bits Allocated 8*");
    }

    [Test]
    public void A_broken_main_header_is_reported_with_OpenJPEG_s_first_error()
    {
        RequireOpenJpeg();
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/pydicom/MR_small_jp2klossless.dcm")));
        byte[] frame = pixels.GetCompressedFrame(0).ToArray();
        int afterSiz = 4 + ((frame[4] << 8) | frame[5]);
        frame[afterSiz] = 0x12; // where the next marker should start
        Action act = () => new OpenJpegCodec().Decode(frame, pixels.Description, new byte[pixels.Description.FrameLength]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("JPEG 2000 decoding failed reading the main header: A marker ID was expected*");

        var d = new PixelDataDescription { Rows = 2, Columns = 2, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action cut = () => new OpenJpegCodec().Decode([0xFF, 0x4F, 0xFF, 0x51, 0x00, 0x29], d, new byte[4]);
        cut.Should().Throw<DicomPixelDataException>().WithMessage("*does not start with SOC and a complete SIZ*");

        Action notJpeg2000 = () => new OpenJpegCodec().Decode([0xFF, 0xD8, 0xFF, 0xE0], d, new byte[4]);
        notJpeg2000.Should().Throw<DicomPixelDataException>().WithMessage("*neither a JPEG 2000 codestream*");
    }

    [Test]
    public void A_missing_library_makes_the_codec_unavailable_naming_the_Debian_package()
    {
        var codec = new OpenJpegCodec("libopenjp2-missing.so.99");
        codec.IsAvailable.Should().BeFalse();
        codec.UnavailableReason.Should().Be("libopenjp2-missing.so.99 not found: install the Debian package libopenjp2-7");
        var d = new PixelDataDescription { Rows = 1, Columns = 1, BitsAllocated = 8, BitsStored = 8, HighBit = 7 };
        Action act = () => codec.Decode([0xFF, 0x4F, 0xFF, 0x51], d, new byte[1]);
        act.Should().Throw<CodecUnavailableException>().WithMessage("*libopenjp2-7*");
    }

    [Test]
    public void The_marshalled_structures_have_the_sizes_of_OpenJPEG_2_5()
    {
        // Checked against openjpeg-2.5/openjpeg.h with sizeof/offsetof on x86-64.
        Unsafe.SizeOf<OpjDecoderParameters>().Should().Be(8252);
        Unsafe.SizeOf<OpjImage>().Should().Be(48);
        Unsafe.SizeOf<OpjImageComp>().Should().Be(64);
    }

    [Test]
    public void Reversible_and_irreversible_colour_transforms_come_out_RGB_by_pixel()
    {
        var d = new PixelDataDescription { Rows = 1, Columns = 1, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "YBR_RCT" };
        OpenJpegCodec.DecodedDescription(d).PhotometricInterpretation.Should().Be("RGB");
        OpenJpegCodec.DecodedDescription(d with { PhotometricInterpretation = "YBR_ICT", PlanarConfiguration = 1 })
            .Should().Be(d with { PhotometricInterpretation = "RGB", PlanarConfiguration = 0 });
        OpenJpegCodec.DecodedDescription(d with { SamplesPerPixel = 1, PhotometricInterpretation = "MONOCHROME1" }).PhotometricInterpretation.Should().Be("MONOCHROME1");
    }

    private static byte[] TestData(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "jpeg2000", name));

    /// <summary>The gray image of TestData/jpeg2000/README.md, as 16-bit little endian samples.</summary>
    private static (PixelDataDescription, byte[]) SyntheticGray()
    {
        var d = new PixelDataDescription { Rows = 23, Columns = 37, BitsAllocated = 16, BitsStored = 12, HighBit = 11 };
        byte[] expected = new byte[d.FrameLength];
        for (int y = 0; y < 23; y++)
        {
            for (int x = 0; x < 37; x++)
            {
                int v = ((977 * x) + (131 * y) + (x * y % 101)) % 4096;
                int at = ((y * 37) + x) * 2;
                expected[at] = (byte)v;
                expected[at + 1] = (byte)(v >> 8);
            }
        }

        return (d, expected);
    }

    /// <summary>The RGB image of TestData/jpeg2000/README.md, colour by pixel.</summary>
    private static (PixelDataDescription, byte[]) SyntheticRgb()
    {
        var d = new PixelDataDescription { Rows = 11, Columns = 19, SamplesPerPixel = 3, BitsAllocated = 8, BitsStored = 8, HighBit = 7, PhotometricInterpretation = "RGB" };
        byte[] expected = new byte[d.FrameLength];
        for (int y = 0; y < 11; y++)
        {
            for (int x = 0; x < 19; x++)
            {
                int at = ((y * 19) + x) * 3;
                expected[at] = (byte)(13 * x);
                expected[at + 1] = (byte)(29 * y);
                expected[at + 2] = (byte)(7 * x * y);
            }
        }

        return (d, expected);
    }

    private static void RequireOpenJpeg()
    {
        var codec = new OpenJpegCodec();
        if (!codec.IsAvailable)
        {
            Assert.Ignore(codec.UnavailableReason!);
        }
    }
}

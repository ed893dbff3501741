using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Imaging.Codecs.Jpeg;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// The JPEG decoder against dcmtk's dcmdjpeg: every JPEG file of the corpus, files dcmcjpeg writes with every
/// process, predictor, point transform and subsampling it offers, and streams with restart intervals and
/// separate scans from <see cref="JpegTestEncoder"/>. Lossy frames are held to the same standard as lossless
/// ones (identical bytes, tolerance 0) because the decoder repeats libjpeg's islow IDCT, upsampling and colour
/// arithmetic.
/// </summary>
public sealed class JpegCodecTests
{
    private const string Gray12 = "robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm";
    private const string Gray8 = "mammo_dicom/SYNTHETIC_Clunie_MG_pixelspacing_R.dcm";
    private const string Rgb = "robustness/pydicom-debian/SC_rgb_jpeg_dcmd.dcm";
    private const string RgbOdd = "robustness/pydicom-debian/SC_rgb_small_odd.dcm";
    private const string MultiFrame = "mr_enhanced/pydicom_emri_small_EnhMR_10frames.dcm";

    private static readonly TransferSyntax[] JpegSyntaxes =
    [
        TransferSyntax.JPEGBaseline8Bit, TransferSyntax.JPEGExtended12Bit, TransferSyntax.JPEGLossless, TransferSyntax.JPEGLosslessSV1,
    ];

    private static readonly DicomTag PixelDataTag = new(0x7FE00010);
    private static readonly DicomTag PhotometricInterpretationTag = new(0x00280004);

    private static IEnumerable<string> JpegFiles() => TestCorpus.AllFiles()
        .Where(IsJpeg)
        .Select(TestCorpus.Relative)
        .DefaultIfEmpty("(corpus absent)");

    private static bool IsJpeg(string path)
    {
        try
        {
            TransferSyntax syntax = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).TransferSyntax;
            return Array.Exists(JpegSyntaxes, s => s.Equals(syntax));
        }
        catch (DicomFormatException)
        {
            return false;
        }
    }

    [TestCaseSource(nameof(JpegFiles))]
    public void Decodes_every_corpus_file_as_dcmdjpeg_or_gdcm_does(string relative)
    {
        string path = TestCorpus.File(relative);
        DicomFile file = DicomFile.Open(path);
        if (file.Dataset.Find(PixelDataTag) is null)
        {
            Assert.Inconclusive($"{relative} has no Pixel Data: nothing to decode.");
        }

        DicomFile oracle;
        try
        {
            oracle = DecompressionOracle.Decompress("dcmdjpeg", path);
        }
        catch (InconclusiveException)
        {
            // dcmtk refuses a few damaged files (a missing sequence delimiter, a data set in another syntax than
            // its meta header says) that our reader accepts: GDCM, with the same IJG decoding, is the second oracle.
            oracle = DecompressionOracle.Decompress("gdcmconv", path, "--raw");
        }

        OracleComparison.AssertFramesEqual(DicomPixelData.Create(file), oracle, relative);
    }

    [TestCase("5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm")]
    [TestCase("6_JPEG_Lossless_.4.70.dcm")]
    public void Lossless_files_of_dcm_qa_ts_hold_the_pixels_of_the_uncompressed_one(string name)
    {
        byte[] native = DicomPixelData.Create(DicomFile.Open(TestCorpus.File(Gray12))).DecodeFrame(0).Data;
        PixelFrame decoded = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/" + name))).DecodeFrame(0);
        decoded.Data.Should().Equal(native);
        decoded.Description.PhotometricInterpretation.Should().Be("MONOCHROME2");
    }

    [TestCase(Gray12, "+el +sv 1")]
    [TestCase(Gray12, "+el +sv 2")]
    [TestCase(Gray12, "+el +sv 3")]
    [TestCase(Gray12, "+el +sv 4 +pt 3")]
    [TestCase(Gray12, "+el +sv 5")]
    [TestCase(Gray12, "+el +sv 6 +pt 1")]
    [TestCase(Gray12, "+el +sv 7 +pt 2")]
    [TestCase(Gray12, "+ee")]
    [TestCase(Gray12, "+ee +q 40")]
    [TestCase(Gray12, "+eb")]
    [TestCase(Gray8, "+eb -ho")]
    [TestCase(Gray8, "+el +sv 6")]
    [TestCase(Rgb, "+e1")]
    [TestCase(Rgb, "+el +sv 7 +pt 1")]
    [TestCase(Rgb, "+eb +s2")]
    [TestCase(Rgb, "+eb +n1")]
    [TestCase(Rgb, "+eb +n2")]
    [TestCase(Rgb, "+eb +np")]
    [TestCase(Rgb, "+ee +s4")]
    [TestCase(Rgb, "+eb +cr")]
    [TestCase(RgbOdd, "+eb +s2")]
    [TestCase(RgbOdd, "+eb +n1")]
    [TestCase(RgbOdd, "+el +sv 4")]
    [TestCase(MultiFrame, "+el +sv 1 +fs 1")]
    [TestCase(MultiFrame, "+ee -ot")]
    public void Decodes_what_dcmcjpeg_writes_as_dcmdjpeg_does(string source, string options)
    {
        (DicomFile compressed, string path) = DcmtkTool.Compress(TestCorpus.File(source), options);
        try
        {
            DicomFile oracle = DecompressionOracle.Decompress("dcmdjpeg", path);
            OracleComparison.AssertFramesEqual(DicomPixelData.Create(compressed), oracle, $"{source} {options}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase(1, 0)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    [TestCase(4, 0)]
    [TestCase(5, 2)]
    [TestCase(6, 1)]
    [TestCase(7, 3)]
    public void Lossless_streams_with_restart_intervals_decode_as_dcmdjpeg_does(int predictor, int pointTransform)
    {
        DicomFile source = ExplicitCopy(Gray12);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        byte[] stream = JpegTestEncoder.EncodeLossless(frame.AsUInt16(), frame.Width, frame.Height, 1, 12, predictor, pointTransform, restartLines: 5);
        AssertStreamDecodesAsDcmdjpeg(source, TransferSyntax.JPEGLossless, stream, null);
    }

    [TestCase(16, 1, 1, false)]
    [TestCase(16, 7, 3, false)]
    [TestCase(13, 5, 0, false)]
    [TestCase(16, 1, 0, true)]
    [TestCase(16, 6, 2, true)]
    public void Lossless_streams_of_other_precisions_and_long_codes_decode_as_dcmdjpeg_does(int precision, int predictor, int restartLines, bool longCodes)
    {
        DicomFile source = ExplicitCopy(Gray12);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        byte[] stream = JpegTestEncoder.EncodeLossless(frame.AsUInt16(), frame.Width, frame.Height, 1, precision, predictor, 0, restartLines, longCodes);
        AssertStreamDecodesAsDcmdjpeg(source, TransferSyntax.JPEGLossless, stream, null);
    }

    [TestCase(1, 3)]
    [TestCase(5, 1)]
    [TestCase(7, 0)]
    public void Interleaved_colour_lossless_streams_decode_as_dcmdjpeg_does(int predictor, int restartLines)
    {
        DicomFile source = ExplicitCopy(Rgb);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        ushort[] samples = frame.Data.Select(b => (ushort)b).ToArray();
        byte[] stream = JpegTestEncoder.EncodeLossless(samples, frame.Width, frame.Height, 3, 8, predictor, 0, restartLines);
        AssertStreamDecodesAsDcmdjpeg(source, TransferSyntax.JPEGLossless, stream, null);
    }

    [TestCase(8)]
    [TestCase(12)]
    [TestCase(16)]
    public void Lossless_YCbCr_is_converted_to_RGB_as_dcmdjpeg_does(int precision)
    {
        DicomFile source = ExplicitCopy(Rgb);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        ushort[] samples = frame.Data.Select(b => (ushort)(b << (precision - 8))).ToArray();
        byte[] stream = JpegTestEncoder.EncodeLossless(samples, frame.Width, frame.Height, 3, precision, 1, 0, 0);
        AssertStreamDecodesAsDcmdjpeg(source, TransferSyntax.JPEGLosslessSV1, stream, "YBR_FULL", precision);
    }

    [TestCase(Gray8, 1, 1, 7, false)]
    [TestCase(Rgb, 2, 2, 3, false)]
    [TestCase(Rgb, 2, 1, 5, false)]
    [TestCase(Rgb, 1, 2, 0, false)]
    [TestCase(Rgb, 1, 1, 0, false)]
    [TestCase(Rgb, 2, 2, 4, true)]
    [TestCase(RgbOdd, 2, 2, 1, false)]
    public void Baseline_streams_with_restart_intervals_and_scans_decode_as_dcmdjpeg_does(string relative, int lumaH, int lumaV, int restartInterval, bool separateScans)
    {
        DicomFile source = ExplicitCopy(relative);
        PixelFrame frame = DicomPixelData.Create(source).DecodeFrame(0);
        (int, int)[] sampling = frame.Description.SamplesPerPixel == 1 ? [(lumaH, lumaV)] : [(lumaH, lumaV), (1, 1), (1, 1)];
        byte[] stream = JpegTestEncoder.EncodeBaseline(frame.Data, frame.Width, frame.Height, sampling, restartInterval, separateScans);
        AssertStreamDecodesAsDcmdjpeg(source, TransferSyntax.JPEGBaseline8Bit, stream, frame.Description.SamplesPerPixel == 3 ? "YBR_FULL_422" : null);
    }

    [Test]
    public void Progressive_JPEG_is_refused_with_the_reason()
    {
        (DicomFile compressed, string path) = DcmtkTool.Compress(TestCorpus.File(Gray8), "+ep");
        File.Delete(path);
        var pixels = DicomPixelData.Create(compressed);
        Action viaRegistry = () => pixels.DecodeFrame(0);
        viaRegistry.Should().Throw<DicomPixelDataException>().WithMessage("*No decoder*");

        byte[] stream = pixels.GetCompressedFrame(0).ToArray();
        Action direct = () => new JpegCodec().Decode(stream, pixels.Description, new byte[pixels.Description.FrameLength]);
        direct.Should().Throw<DicomPixelDataException>().WithMessage("Progressive JPEG is not supported*");
    }

    [TestCase(0xC9, "Arithmetic-coded JPEG is not supported*")]
    [TestCase(0xC5, "Hierarchical JPEG is not supported*")]
    [TestCase(0xC2, "Progressive JPEG is not supported*")]
    public void Other_processes_are_refused_with_the_reason(int marker, string message)
    {
        byte[] stream = [0xFF, 0xD8, 0xFF, (byte)marker, 0x00, 0x0B, 0x08, 0x00, 0x02, 0x00, 0x02, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9];
        Action act = () => new JpegCodec().Decode(stream, Description(2, 2, 8, 1), new byte[4]);
        act.Should().Throw<DicomPixelDataException>().WithMessage(message);
    }

    [Test]
    public void A_truncated_lossless_stream_is_reported_as_truncated()
    {
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm")));
        byte[] stream = pixels.GetCompressedFrame(0).ToArray();
        Action act = () => new JpegCodec().Decode(stream.AsSpan(0, stream.Length / 2), pixels.Description, new byte[pixels.Description.FrameLength]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*truncated*");
    }

    [Test]
    public void A_frame_whose_size_differs_from_the_data_set_is_refused()
    {
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File("robustness/dcm_qa_ts/5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm")));
        byte[] stream = pixels.GetCompressedFrame(0).ToArray();
        PixelDataDescription wrong = pixels.Description with { Rows = 100 };
        Action act = () => new JpegCodec().Decode(stream, wrong, new byte[wrong.FrameLength]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*384x384*384x100*");
    }

    [Test]
    public void Data_that_is_not_JPEG_is_refused()
    {
        Action act = () => new JpegCodec().Decode([1, 2, 3, 4], Description(2, 2, 8, 1), new byte[4]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*SOI*");
    }

    [Test]
    public void The_codec_is_registered_for_the_four_JPEG_syntaxes()
    {
        foreach (TransferSyntax ts in JpegSyntaxes)
        {
            FrameCodecRegistry.Find(ts).Should().BeOfType<JpegCodec>();
        }
    }

    [Test]
    public void A_Huffman_table_with_more_codes_than_fit_is_refused()
    {
        byte[] counts = new byte[16];
        counts[0] = 3; // three 1-bit codes
        Action act = () => JpegHuffmanTable.Create(counts, [1, 2, 3]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*more codes*");
    }

    [Test]
    public void Entropy_coded_data_is_unstuffed_and_split_at_restart_markers()
    {
        // FF00 is a data byte FF; FF fill bytes before a marker go; RST0 starts a segment; EOI ends the scan.
        byte[] data = [0x00, 0xA5, 0xFF, 0x00, 0xBC, 0xFF, 0xFF, 0xD0, 0x7E, 0xFF, 0xD9];
        using var scan = JpegEntropyCodedData.Extract(data, 1, 16);
        scan.SegmentCount.Should().Be(2);
        scan.End.Should().Be(9);
        scan.RestartMarkerBefore(1).Should().Be(JpegMarker.RST0);
        var reader = new JpegBitReader(scan);
        reader.ReceiveExtend(8).Should().Be(0xA5);
        reader.ReceiveExtend(8).Should().Be(0xFF);
        reader.ReceiveExtend(8).Should().Be(0xBC);
        reader.IsOverrun.Should().BeFalse();
        reader.ReceiveExtend(1).Should().Be(-1, "past the segment the reader yields zero bits");
        reader.IsOverrun.Should().BeTrue();
    }

    [Test]
    public void A_restart_marker_out_of_sequence_is_reported()
    {
        byte[] data = [0x12, 0xFF, 0xD3, 0x34, 0xFF, 0xD9];
        using var scan = JpegEntropyCodedData.Extract(data, 0, 16);
        var reader = new JpegBitReader(scan);
        reader.ReceiveExtend(8);
        try
        {
            reader.ReadRestartMarker(0);
            Assert.Fail("RST3 where RST0 belongs must be refused.");
        }
        catch (DicomPixelDataException e)
        {
            e.Message.Should().Contain("RST0").And.Contain("RST3");
        }
    }

    internal static PixelDataDescription Description(int rows, int columns, int bits, int samples) => new()
    {
        Rows = rows,
        Columns = columns,
        BitsAllocated = bits,
        BitsStored = bits,
        HighBit = bits - 1,
        SamplesPerPixel = samples,
        PhotometricInterpretation = samples == 3 ? "RGB" : "MONOCHROME2",
    };

    /// <summary>
    /// The corpus file as dcmdjpeg writes it: explicit VR little endian whatever it was, so that test streams can
    /// be put into any source file.
    /// </summary>
    private static DicomFile ExplicitCopy(string relative) => DecompressionOracle.Decompress("dcmdjpeg", TestCorpus.File(relative));

    /// <summary>Puts the stream in a copy of <paramref name="source"/> and compares our decode with dcmdjpeg's.</summary>
    private static void AssertStreamDecodesAsDcmdjpeg(DicomFile source, TransferSyntax syntax, byte[] stream, string? photometric, int? bits = null)
    {
        DicomDataset dataset = source.Dataset.Clone();
        if (bits is > 8)
        {
            dataset.AddUInt16(new DicomTag(0x00280100), 16);
            dataset.AddUInt16(new DicomTag(0x00280101), (ushort)bits);
            dataset.AddUInt16(new DicomTag(0x00280102), (ushort)(bits - 1));
        }

        dataset.Add(new DicomFragmentSequence(PixelDataTag, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [stream]));
        if (photometric is not null)
        {
            dataset.AddString(PhotometricInterpretationTag, DicomVR.CS, photometric);
        }

        string path = DcmtkTool.TempPath();
        try
        {
            using (FileStream output = File.Create(path))
            {
                DicomFileWriter.Write(output, source.FileMetaInformation, dataset, syntax);
            }

            DicomFile oracle = DecompressionOracle.Decompress("dcmdjpeg", path);
            OracleComparison.AssertFramesEqual(DicomPixelData.Create(dataset, syntax), oracle, $"test stream in {syntax.Name}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

using System.Buffers.Binary;
using ImageQuality.Dicom.Imaging.Pipeline;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Codestreams whose sample precision is narrower than Bits Allocated: signed data coded with P = Bits Stored
/// (as CharLS, GDCM's and pydicom's encoders write it), and 8-bit streams in objects with Bits Allocated 16.
/// The raw frame must equal what dcmdjpls / dcmdjpeg write (the codestream's bits, not sign-extended: both
/// tools and gdcmconv leave the bits above Bits Stored zero), and the stored values must be those of the native
/// original, whose negative values are sign-extended to 16 bits: <see cref="StoredValues"/> sign-extends from
/// Bits Stored whichever way the bits above it were left.
/// </summary>
public sealed class SampleWidthOracleTests
{
    private const int Rows = 48;
    private const int Columns = 40;
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);

    [TestCase(12)]
    [TestCase(10)]
    [TestCase(15)]
    public void Signed_JPEG_LS_with_fewer_stored_bits_decodes_as_dcmdjpls_and_to_the_native_values(int bitsStored)
    {
        (DicomDataset native, ushort[] coded) = SignedImage(bitsStored);
        byte[] stream = CharLsTestEncoder.Encode(Bytes(coded), Columns, Rows, bitsStored);
        AssertDecodesAsOracle(native, TransferSyntax.JPEGLSLossless, stream, "dcmdjpls", $"signed {bitsStored}-bit JPEG-LS");
    }

    [TestCase(12, 1)]
    [TestCase(14, 6)]
    public void Signed_JPEG_lossless_with_fewer_stored_bits_decodes_as_dcmdjpeg_and_to_the_native_values(int bitsStored, int predictor)
    {
        (DicomDataset native, ushort[] coded) = SignedImage(bitsStored);
        byte[] stream = JpegTestEncoder.EncodeLossless(coded, Columns, Rows, 1, bitsStored, predictor, 0, 0);
        AssertDecodesAsOracle(native, TransferSyntax.JPEGLossless, stream, "dcmdjpeg", $"signed {bitsStored}-bit JPEG lossless");
    }

    [Test]
    public void Eight_bit_JPEG_LS_in_16_bit_pixel_data_decodes_to_the_native_words()
    {
        // dcmdjpls 3.6.7 refuses such a file ("Image data mismatch between DICOM header and JPEG-LS bitstream")
        // and gdcmconv 3.0 aborts on an assertion, so the native original is the reference.
        (DicomDataset native, byte[] samples) = EightBitsIn16();
        byte[] stream = CharLsTestEncoder.Encode(samples, Columns, Rows, 8);
        using TemporaryFile file = Write(native, TransferSyntax.JPEGLSLossless, stream);
        PixelFrame frame = DicomPixelData.Create(DicomFile.Open(file.Path)).DecodeFrame(0);
        frame.Description.BitsAllocated.Should().Be(16);
        frame.Data.Should().Equal(native.Find(PixelDataTag)!.Data.ToArray());
    }

    [Test]
    public void Eight_bit_JPEG_lossless_in_16_bit_pixel_data_holds_dcmdjpeg_s_values_in_16_bit_words()
    {
        (DicomDataset native, byte[] samples) = EightBitsIn16();
        ushort[] wide = [.. samples.Select(b => (ushort)b)];
        byte[] stream = JpegTestEncoder.EncodeLossless(wide, Columns, Rows, 1, 8, 1, 0, 0);
        AssertWidenedDcmdjpegValues(native, TransferSyntax.JPEGLossless, stream);
    }

    [Test]
    public void Eight_bit_JPEG_baseline_in_16_bit_pixel_data_holds_dcmdjpeg_s_values_in_16_bit_words()
    {
        (DicomDataset native, byte[] samples) = EightBitsIn16();
        byte[] stream = JpegTestEncoder.EncodeBaseline(samples, Columns, Rows, [(1, 1)], 0, false);
        AssertWidenedDcmdjpegValues(native, TransferSyntax.JPEGBaseline8Bit, stream);
    }

    /// <summary>
    /// dcmdjpeg writes an 8-bit JPEG frame as Bits Allocated 8 even where the data set says 16; we keep the data
    /// set's Bits Allocated (the frame is laid out as the data set describes it), so the values are compared.
    /// </summary>
    private static void AssertWidenedDcmdjpegValues(DicomDataset native, TransferSyntax syntax, byte[] stream)
    {
        using TemporaryFile file = Write(native, syntax, stream);
        PixelFrame frame = DicomPixelData.Create(DicomFile.Open(file.Path)).DecodeFrame(0);
        DicomFile oracle = DecompressionOracle.Decompress("dcmdjpeg", file.Path);
        oracle.Dataset.TryGetInt32(new DicomTag(0x00280100), out int oracleBits).Should().BeTrue();
        oracleBits.Should().Be(8, "dcmdjpeg narrows 8-bit JPEG data to Bits Allocated 8");
        frame.Description.BitsAllocated.Should().Be(16);
        byte[] expected = oracle.Dataset.Find(PixelDataTag)!.Data.ToArray();
        frame.AsUInt16().ToArray().Should().Equal(expected.AsSpan(0, Rows * Columns).ToArray().Select(b => (ushort)b), $"{syntax.Name}: dcmdjpeg's values, one 16-bit word each");
    }

    private static TemporaryFile Write(DicomDataset native, TransferSyntax syntax, byte[] stream)
    {
        DicomDataset compressed = native.Clone();
        compressed.Add(new DicomFragmentSequence(PixelDataTag, DicomVR.OB, ReadOnlyMemory<byte>.Empty, [stream.Length % 2 == 0 ? stream : [.. stream, 0]]));
        var file = new TemporaryFile(".dcm");
        using FileStream output = File.Create(file.Path);
        DicomFileWriter.Write(output, null, compressed, syntax);
        return file;
    }

    private static void AssertDecodesAsOracle(DicomDataset native, TransferSyntax syntax, byte[] stream, string tool, string name)
    {
        using TemporaryFile file = Write(native, syntax, stream);
        var pixels = DicomPixelData.Create(DicomFile.Open(file.Path));
        DicomFile oracle = DecompressionOracle.Decompress(tool, file.Path);
        OracleComparison.AssertFramesEqual(pixels, oracle, name);
        int[] expected = StoredValues.Extract(DicomPixelData.Create(native, TransferSyntax.ExplicitVRLittleEndian).DecodeFrame(0));
        expected.Should().Contain(v => v < 0);
        StoredValues.Extract(pixels.DecodeFrame(0)).Should().Equal(expected, $"the stored values of {name} are the native original's");
    }

    /// <summary>A signed image whose native values span the whole range (sign-extended to 16 bits), and the same values masked to Bits Stored as a codestream holds them.</summary>
    private static (DicomDataset Native, ushort[] Coded) SignedImage(int bitsStored)
    {
        var random = new Random(bitsStored);
        int min = -(1 << (bitsStored - 1));
        int max = (1 << (bitsStored - 1)) - 1;
        var native = new ushort[Rows * Columns];
        var coded = new ushort[native.Length];
        for (int i = 0; i < native.Length; i++)
        {
            int value = i switch { 0 => min, 1 => max, 2 => -1, _ => random.Next(min, max + 1) };
            native[i] = (ushort)(short)value;
            coded[i] = (ushort)(value & ((1 << bitsStored) - 1));
        }

        return (Dataset(16, bitsStored, 1, Bytes(native)), coded);
    }

    private static (DicomDataset Native, byte[] Samples) EightBitsIn16()
    {
        var random = new Random(8);
        byte[] samples = new byte[Rows * Columns];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (byte)((i % Columns * 6) + random.Next(8));
        }

        byte[] words = Bytes([.. samples.Select(b => (ushort)b)]);
        return (Dataset(16, 8, 0, words), samples);
    }

    private static DicomDataset Dataset(int bitsAllocated, int bitsStored, int pixelRepresentation, byte[] pixels)
    {
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.AddString(new DicomTag(0x00080018), DicomVR.UI, "1.2.826.0.1.3680043.8.498.77" + bitsStored);
        dataset.AddUInt16(new DicomTag(0x00280002), 1);
        dataset.AddString(new DicomTag(0x00280004), DicomVR.CS, "MONOCHROME2");
        dataset.AddUInt16(new DicomTag(0x00280010), Rows);
        dataset.AddUInt16(new DicomTag(0x00280011), Columns);
        dataset.AddUInt16(new DicomTag(0x00280100), (ushort)bitsAllocated);
        dataset.AddUInt16(new DicomTag(0x00280101), (ushort)bitsStored);
        dataset.AddUInt16(new DicomTag(0x00280102), (ushort)(bitsStored - 1));
        dataset.AddUInt16(new DicomTag(0x00280103), (ushort)pixelRepresentation);
        dataset.AddBytes(PixelDataTag, DicomVR.OW, pixels);
        return dataset;
    }

    private static byte[] Bytes(ushort[] words)
    {
        byte[] bytes = new byte[words.Length * 2];
        for (int i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), words[i]);
        }

        return bytes;
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Deflated Image Frame Compression (1.2.840.10008.1.2.8.1): files made with our writer from native frames
/// (frame → raw Deflate → one fragment) decode to the native original, and the corpus file (liver_deflate.dcm,
/// written by pydicom) decodes as pydicom's fragment parser plus Python's zlib inflate it. dcmtk 3.6.7 and
/// gdcmconv do not know the syntax, and pydicom 2.3.1 (Debian) has no decoder for it (added in 3.1), so those
/// two independent pieces are the oracle.
/// </summary>
public sealed class DeflatedFrameCodecTests
{
    private const string LiverDeflate = "robustness/pydicom-data/liver_deflate.dcm";
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);

    [TestCase(8, 1, 1, false)]
    [TestCase(8, 3, 1, true)]
    [TestCase(16, 1, 1, false)]
    [TestCase(16, 4, 1, true)]
    [TestCase(16, 3, 1, false)]
    [TestCase(8, 2, 3, true)]
    public void Written_files_decode_to_the_native_frames(int bits, int frames, int samples, bool offsetTable)
    {
        var random = new Random((bits * 100) + (frames * 10) + samples);
        DicomDataset native = Image(37, 51, bits, frames, samples, random);
        byte[] nativePixels = native.Find(PixelDataTag)!.Data.ToArray();
        DicomFile read = WriteAndRead(Deflated(native, offsetTable));
        read.TransferSyntax.Should().Be(TransferSyntax.DeflatedImageFrameCompression);

        var pixels = DicomPixelData.Create(read);
        pixels.FrameCount.Should().Be(frames);
        int frameLength = (int)pixels.Description.FrameLength;
        for (int f = 0; f < frames; f++)
        {
            pixels.DecodeFrame(f).Data.Should().Equal(nativePixels.AsSpan(f * frameLength, frameLength).ToArray(), $"frame {f}");
        }
    }

    [Test]
    public void Signed_16_bit_values_come_back_as_stored()
    {
        DicomDataset native = Image(16, 16, 16, 1, 1, new Random(5));
        native.AddUInt16(new DicomTag(0x00280103), 1);
        native.AddUInt16(new DicomTag(0x00280101), 12);
        native.AddUInt16(new DicomTag(0x00280102), 11);
        PixelFrame frame = DicomPixelData.Create(WriteAndRead(Deflated(native, offsetTable: false))).DecodeFrame(0);
        frame.Data.Should().Equal(native.Find(PixelDataTag)!.Data.ToArray());
    }

    [Test]
    public void The_corpus_file_decodes_as_pydicom_and_zlib_inflate_it()
    {
        string path = TestCorpus.File(LiverDeflate);
        var pixels = DicomPixelData.Create(DicomFile.Open(path));
        pixels.Description.BitsAllocated.Should().Be(1);
        byte[] expected = PythonInflate(path, pixels.FrameCount);
        int frameLength = (int)pixels.Description.FrameLength;
        expected.Length.Should().Be(frameLength * pixels.FrameCount);
        for (int f = 0; f < pixels.FrameCount; f++)
        {
            byte[] ours = pixels.DecodeFrame(f).Data;
            ours.Should().Equal(expected.AsSpan(f * frameLength, frameLength).ToArray(), $"frame {f} of {LiverDeflate}");
            ours.Should().Contain(b => b != 0, "a segmentation frame of the liver is not empty");
        }
    }

    [Test]
    public void A_stream_that_inflates_past_the_frame_is_refused_without_inflating_it_all()
    {
        // 64 MiB of zeros deflates to about 64 KiB; the frame is 100 bytes.
        byte[] bomb = RawDeflate(new byte[64 << 20]);
        var d = Description(10, 10, 8);
        var stopwatch = Stopwatch.StartNew();
        Action act = () => new DeflatedFrameCodec().Decode(bomb, d, new byte[100]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*more than the 100 bytes*");
        stopwatch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2), "inflation stops at the frame's length");
    }

    [Test]
    public void A_stream_that_inflates_short_of_the_frame_is_refused()
    {
        byte[] stream = RawDeflate(new byte[99]);
        Action act = () => new DeflatedFrameCodec().Decode(stream, Description(10, 10, 8), new byte[100]);
        act.Should().Throw<DicomPixelDataException>().WithMessage("*inflates to 99 bytes*needs 100*");
    }

    [Test]
    public void A_zlib_wrapped_stream_is_not_raw_deflate_and_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var z = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(new byte[100]);
        }

        Action act = () => new DeflatedFrameCodec().Decode(buffer.ToArray(), Description(10, 10, 8), new byte[100]);
        act.Should().Throw<DicomPixelDataException>();
    }

    [Test]
    public void An_odd_frame_may_carry_one_deflated_pad_byte()
    {
        byte[] native = [.. Enumerable.Range(1, 9).Select(i => (byte)i)];
        byte[] output = new byte[9];
        new DeflatedFrameCodec().Decode(RawDeflate([.. native, 0]), Description(3, 3, 8), output);
        output.Should().Equal(native);
    }

    [Test]
    public void Truncated_and_mutated_streams_decode_or_fail_with_a_pixel_data_error()
    {
        var random = new Random(11);
        byte[] native = new byte[64 * 64 * 2];
        for (int i = 0; i < native.Length; i += 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(native.AsSpan(i), (ushort)(2000 + random.Next(64)));
        }

        (int decoded, int rejected) = CodecTestSupport.RunMutations(new DeflatedFrameCodec(), RawDeflate(native), Description(64, 64, 16), seed: 3, truncations: 100, mutations: 200);
        (decoded + rejected).Should().Be(300);
        rejected.Should().BeGreaterThanOrEqualTo(100, "every truncation loses data the frame needs");
    }

    [Test]
    public void The_registry_decodes_the_syntax() =>
        FrameCodecRegistry.CanDecode(TransferSyntax.DeflatedImageFrameCompression).Should().BeTrue();

    internal static byte[] RawDeflate(ReadOnlySpan<byte> data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return buffer.ToArray();
    }

    private static PixelDataDescription Description(int rows, int columns, int bits) => new()
    {
        Rows = rows,
        Columns = columns,
        BitsAllocated = bits,
        BitsStored = bits,
        HighBit = bits - 1,
    };

    /// <summary>A native image with random stored values (bits allocated, frames, samples per pixel).</summary>
    private static DicomDataset Image(int rows, int columns, int bits, int frames, int samples, Random random)
    {
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.AddString(new DicomTag(0x00080018), DicomVR.UI, "1.2.826.0.1.3680043.8.498.1" + random.Next(1000, 9999));
        dataset.AddUInt16(new DicomTag(0x00280002), (ushort)samples);
        dataset.AddString(new DicomTag(0x00280004), DicomVR.CS, samples == 3 ? "RGB" : "MONOCHROME2");
        if (samples == 3)
        {
            dataset.AddUInt16(new DicomTag(0x00280006), 0);
        }

        dataset.AddString(new DicomTag(0x00280008), DicomVR.IS, frames.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dataset.AddUInt16(new DicomTag(0x00280010), (ushort)rows);
        dataset.AddUInt16(new DicomTag(0x00280011), (ushort)columns);
        dataset.AddUInt16(new DicomTag(0x00280100), (ushort)bits);
        dataset.AddUInt16(new DicomTag(0x00280101), (ushort)bits);
        dataset.AddUInt16(new DicomTag(0x00280102), (ushort)(bits - 1));
        dataset.AddUInt16(new DicomTag(0x00280103), 0);
        byte[] pixels = new byte[rows * columns * samples * (bits / 8) * frames];
        random.NextBytes(pixels);
        dataset.AddBytes(PixelDataTag, bits == 8 ? DicomVR.OB : DicomVR.OW, pixels);
        return dataset;
    }

    /// <summary>The data set with each frame raw-deflated into its own fragment, with or without a Basic Offset Table.</summary>
    private static DicomDataset Deflated(DicomDataset native, bool offsetTable)
    {
        DicomDataset dataset = native.Clone();
        PixelDataDescription d = PixelDataDescription.FromDataset(native);
        byte[] pixels = native.Find(PixelDataTag)!.Data.ToArray();
        var fragments = new List<ReadOnlyMemory<byte>>();
        byte[] table = offsetTable ? new byte[4 * d.NumberOfFrames] : [];
        uint offset = 0;
        for (int f = 0; f < d.NumberOfFrames; f++)
        {
            byte[] fragment = RawDeflate(pixels.AsSpan((int)(f * d.FrameLength), (int)d.FrameLength));
            if (fragment.Length % 2 == 1)
            {
                fragment = [.. fragment, 0];
            }

            if (offsetTable)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(f * 4), offset);
            }

            offset += 8 + (uint)fragment.Length;
            fragments.Add(fragment);
        }

        dataset.Add(new DicomFragmentSequence(PixelDataTag, DicomVR.OB, table, fragments));
        return dataset;
    }

    private static DicomFile WriteAndRead(DicomDataset dataset)
    {
        using var stream = new MemoryStream();
        DicomFileWriter.Write(stream, null, dataset, TransferSyntax.DeflatedImageFrameCompression);
        stream.Position = 0;
        return DicomFile.Open(stream);
    }

    /// <summary>Every frame of the file as pydicom splits the fragments and Python's zlib inflates them (raw Deflate, wbits -15).</summary>
    private static byte[] PythonInflate(string path, int frames)
    {
        const string Script = """
            import sys, zlib
            import pydicom
            from pydicom.encaps import generate_pixel_data_frame
            ds = pydicom.dcmread(sys.argv[1])
            with open(sys.argv[3], 'wb') as out:
                for frame in generate_pixel_data_frame(ds.PixelData, int(sys.argv[2])):
                    out.write(zlib.decompressobj(-15).decompress(frame))
            """;
        if (!File.Exists("/usr/bin/python3"))
        {
            Assert.Ignore("/usr/bin/python3 is not installed (Debian packages python3, python3-pydicom); oracle test skipped.");
        }

        using var output = new TemporaryFile(".bin");
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-c", Script, path, frames.ToString(System.Globalization.CultureInfo.InvariantCulture), output.Path })
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            Assert.Ignore($"pydicom could not read {Path.GetFileName(path)} (Debian package python3-pydicom): {stderr.Trim()}");
        }

        return File.ReadAllBytes(output.Path);
    }
}

using System.Diagnostics;
using ImageQuality.Dicom.Imaging.Codecs.Jpeg;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Robustness of the JPEG decoder: truncated and mutated versions of real frames (headers, tables, entropy-coded
/// data, markers) must decode or fail with <see cref="DicomPixelDataException"/>, never with another exception,
/// and quickly. The mutations are seeded, so a failure names a reproducible case.
/// </summary>
public sealed class JpegMutationTests
{
    private const int MutationsPerFrame = 100;

    private static readonly string[] Sources =
    [
        "robustness/dcm_qa_ts/5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm",
        "robustness/pydicom-debian/SC_rgb_jpeg_gdcm.dcm",
        "robustness/pydicom-debian/SC_rgb_dcmtk_+eb+cy+n1.dcm",
        "robustness/pydicom-debian/SC_rgb_dcmtk_+eb+cy+s2.dcm",
        "robustness/pydicom-debian/JPGExtended.dcm",
    ];

    [TestCaseSource(nameof(Sources))]
    public void Mutated_corpus_frames_decode_or_fail_cleanly(string relative)
    {
        var pixels = DicomPixelData.Create(DicomFile.Open(TestCorpus.File(relative)));
        AssertMutationsFailCleanly(pixels.GetCompressedFrame(0).ToArray(), pixels.Description, relative.Length);
    }

    [Test]
    public void Mutated_lossless_streams_with_restart_intervals_decode_or_fail_cleanly()
    {
        const int size = 64;
        ushort[] samples = new ushort[size * size];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (ushort)((i * 37 % 4096) ^ (i / size * 11));
        }

        byte[] stream = JpegTestEncoder.EncodeLossless(samples, size, size, 1, 12, 4, 0, restartLines: 3);
        AssertMutationsFailCleanly(stream, JpegCodecTests.Description(size, size, 16, 1) with { BitsStored = 12, HighBit = 11 }, 7);
    }

    [Test]
    public void Mutated_baseline_streams_with_restart_intervals_decode_or_fail_cleanly()
    {
        const int size = 40;
        byte[] samples = new byte[size * size * 3];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (byte)((i * 7) ^ (i / 120));
        }

        byte[] stream = JpegTestEncoder.EncodeBaseline(samples, size, size, [(2, 2), (1, 1), (1, 1)], restartInterval: 2, separateScans: false);
        AssertMutationsFailCleanly(stream, JpegCodecTests.Description(size, size, 8, 3) with { PhotometricInterpretation = "YBR_FULL_422" }, 11);
    }

    private static void AssertMutationsFailCleanly(byte[] original, PixelDataDescription description, int seed)
    {
        var codec = new JpegCodec();
        byte[] destination = new byte[description.FrameLength];
        codec.Decode(original, description, destination);

        int headerEnd = FindScanStart(original);
        var random = new Random(seed);
        int refused = 0;
        for (int i = 0; i < MutationsPerFrame; i++)
        {
            (byte[] mutated, string kind) = Mutate(original, headerEnd, random, i);
            long start = Stopwatch.GetTimestamp();
            try
            {
                codec.Decode(mutated, description, destination);
            }
            catch (DicomPixelDataException)
            {
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"Mutation {i} ({kind}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            Stopwatch.GetElapsedTime(start).TotalSeconds.Should().BeLessThan(5, $"mutation {i} ({kind}) must not make decoding hang");
        }

        refused.Should().BeGreaterThan(MutationsPerFrame / 10, "truncations and broken headers must be noticed");
    }

    private static (byte[] Data, string Kind) Mutate(byte[] original, int headerEnd, Random random, int i)
    {
        byte[] m = (byte[])original.Clone();
        switch (i % 5)
        {
            case 0:
                int length = random.Next(original.Length);
                return (original.AsSpan(0, length).ToArray(), $"truncated to {length} bytes");
            case 1:
                int flips = random.Next(1, 5);
                for (int f = 0; f < flips; f++)
                {
                    m[random.Next(m.Length)] ^= (byte)(1 << random.Next(8));
                }

                return (m, $"{flips} bit(s) flipped");
            case 2:
                int at = random.Next(Math.Min(m.Length, headerEnd + 16));
                m[at] = (byte)random.Next(256);
                return (m, $"header byte {at} set to {m[at]}");
            case 3:
                int where = random.Next(headerEnd, m.Length - 1);
                m[where] = 0xFF;
                m[where + 1] = (byte)random.Next(1, 255);
                return (m, $"marker FF{m[where + 1]:X2} at {where}");
            default:
                int from = random.Next(m.Length);
                int count = Math.Min(random.Next(1, 33), m.Length - from);
                random.NextBytes(m.AsSpan(from, count));
                return (m, $"{count} random bytes at {from}");
        }
    }

    private static int FindScanStart(byte[] data)
    {
        for (int i = 0; i + 1 < data.Length; i++)
        {
            if (data[i] == 0xFF && data[i + 1] == JpegMarker.SOS)
            {
                return i;
            }
        }

        return data.Length / 2;
    }
}

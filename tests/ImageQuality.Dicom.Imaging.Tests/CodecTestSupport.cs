using ImageQuality.Dicom.Imaging.Codecs;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>Shared checks of the codec tests: corpus selection by syntax, oracle comparison, and mutation runs.</summary>
internal static class CodecTestSupport
{
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);

    /// <summary>Corpus files (relative paths) in one of the syntaxes, read header-only; a placeholder when the corpus is absent.</summary>
    public static IEnumerable<string> CorpusFiles(params TransferSyntax[] syntaxes) => TestCorpus.AllFiles()
        .Where(p => Array.IndexOf(syntaxes, SyntaxOf(p)) >= 0)
        .Select(TestCorpus.Relative)
        .DefaultIfEmpty("(corpus absent)");

    public static byte[] PixelData(DicomFile file) => file.Dataset.Find(PixelDataTag)!.Data.ToArray();

    /// <summary>Every frame of <paramref name="pixels"/> decodes to the oracle's frame, byte for byte.</summary>
    public static PixelDataDescription[] AssertFramesEqual(DicomPixelData pixels, DicomFile oracle, string because)
    {
        byte[] expected = PixelData(oracle);
        long frameLength = pixels.Description.FrameLength;
        expected.Length.Should().BeGreaterThanOrEqualTo((int)(frameLength * pixels.FrameCount), because);
        var descriptions = new PixelDataDescription[pixels.FrameCount];
        for (int f = 0; f < pixels.FrameCount; f++)
        {
            PixelFrame frame = pixels.DecodeFrame(f);
            descriptions[f] = frame.Description;
            int mismatch = FirstMismatch(frame.Data, expected.AsSpan((int)(f * frameLength), (int)frameLength));
            mismatch.Should().Be(-1, $"frame {f} of {because} must equal the oracle's (first differing byte shown)");
        }

        return descriptions;
    }

    /// <summary>
    /// Decodes truncated and byte-mutated copies of a valid frame. Each must either decode or fail with a
    /// <see cref="DicomPixelDataException"/>, and never touch the guard bytes around the destination.
    /// </summary>
    /// <returns>How many decoded and how many were rejected.</returns>
    public static (int Decoded, int Rejected) RunMutations(IFrameCodec codec, byte[] frame, PixelDataDescription d, int seed, int truncations, int mutations)
    {
        const int Guard = 64;
        var random = new Random(seed);
        byte[] buffer = new byte[d.FrameLength + (2 * Guard)];
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < truncations + mutations; i++)
        {
            byte[] input;
            if (i < truncations)
            {
                input = frame.AsSpan(0, random.Next(0, frame.Length)).ToArray();
            }
            else
            {
                input = (byte[])frame.Clone();
                int changes = random.Next(1, 5);
                for (int c = 0; c < changes; c++)
                {
                    // Bias to the main header, where a changed size field matters most.
                    int at = random.Next(4) == 0 ? random.Next(Math.Min(input.Length, 160)) : random.Next(input.Length);
                    input[at] = (byte)random.Next(256);
                }
            }

            buffer.AsSpan().Fill(0xA5);
            try
            {
                codec.Decode(input, d, buffer.AsSpan(Guard, (int)d.FrameLength));
                decoded++;
            }
            catch (DicomPixelDataException)
            {
                rejected++;
            }

            bool guardsIntact = buffer.AsSpan(0, Guard).IndexOfAnyExcept((byte)0xA5) < 0
                && buffer.AsSpan(Guard + (int)d.FrameLength).IndexOfAnyExcept((byte)0xA5) < 0;
            guardsIntact.Should().BeTrue($"input {i} (seed {seed}) must not write outside the destination");
        }

        return (decoded, rejected);
    }

    private static int FirstMismatch(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
        {
            return Math.Min(a.Length, b.Length);
        }

        int common = a.CommonPrefixLength(b);
        return common == a.Length ? -1 : common;
    }

    private static TransferSyntax? SyntaxOf(string path)
    {
        try
        {
            return DicomFile.Open(path, new IO.DicomReadOptions { StopBeforePixelData = true }).TransferSyntax;
        }
        catch (IO.DicomFormatException)
        {
            return null;
        }
    }
}

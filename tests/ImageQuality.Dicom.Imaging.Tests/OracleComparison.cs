namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>Compares decoded frames and their description with the uncompressed file an oracle tool wrote.</summary>
internal static class OracleComparison
{
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);
    private static readonly DicomTag PhotometricInterpretation = new(0x00280004);
    private static readonly DicomTag PlanarConfiguration = new(0x00280006);

    public static void AssertFramesEqual(DicomPixelData pixels, DicomFile oracle, string name)
    {
        byte[] expected = oracle.Dataset.Find(PixelDataTag)!.Data.ToArray();
        long frameLength = pixels.Description.FrameLength;
        for (int f = 0; f < pixels.FrameCount; f++)
        {
            PixelFrame frame = pixels.DecodeFrame(f);
            frame.Data.Should().Equal(expected.AsSpan((int)(f * frameLength), (int)frameLength).ToArray(), $"frame {f} of {name}");
            frame.Description.PhotometricInterpretation.Should().Be(oracle.Dataset.GetString(PhotometricInterpretation)?.Trim(), $"the photometric interpretation of {name}");
            if (frame.Description.SamplesPerPixel > 1)
            {
                oracle.Dataset.TryGetInt32(PlanarConfiguration, out int planar).Should().BeTrue();
                frame.Description.PlanarConfiguration.Should().Be(planar, $"the planar configuration of {name}");
            }
        }
    }
}

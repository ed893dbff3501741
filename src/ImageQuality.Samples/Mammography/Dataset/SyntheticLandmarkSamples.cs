using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;
using ImageQuality.Samples.Mammography.Dicom;

namespace ImageQuality.Samples.Mammography.Dataset;

/// <summary>
/// Training sample number <c>index</c> of a seeded synthetic set: a random spec, the image written as a Part 10 file
/// in memory and read back (the decoder sees what a stored file gives it), then encoded by the inference path. One in
/// ten has no PatientOrientation, so the orientation comes from the image as it does for such files in service.
/// </summary>
public static class SyntheticLandmarkSamples
{
    public static LandmarkSample Make(int index, int seed, double faultRate = 0.3, double pixelMm = 0.3)
    {
        var random = new Random(SyntheticExamPlanner.Mix(seed, index));
        SyntheticMammogramSpec spec = SyntheticSpecSampler.Sample(random, faultRate, pixelMm);
        SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);
        // One image in ten has no PatientOrientation, so the model also learns from images the analysis orients by their content.
        SyntheticAcquisition acquisition = SyntheticAcquisitionFactory.ForImage(spec, random) with { WritePatientOrientation = !random.Chance(0.1) };
        DicomFile file = RoundTrip(MammogramDatasetBuilder.Build(image, acquisition));
        return LandmarkSampleEncoder.Encode(file.Dataset, file.TransferSyntax, image.Truth, index, $"synth/{seed}-{index}");
    }

    /// <summary>Writes the data set as a Part 10 file to memory and reads it back with the project's reader.</summary>
    public static DicomFile RoundTrip(DicomDataset dataset)
    {
        using var stream = new MemoryStream();
        new DicomFile(new DicomDataset(), dataset, TransferSyntax.ExplicitVRLittleEndian).Save(stream);
        stream.Position = 0;
        return DicomFile.Open(stream);
    }
}

using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.BValues;

public sealed class SiemensCsaHeaderTests
{
    [Test]
    public void Reads_the_elements_of_a_real_CSA_image_header()
    {
        // nibabel's CSA reader on this file: NumberOfImagesInMosaic ['35'], SliceMeasurementDuration ['17.50000000'],
        // B_value with no item (a BOLD series, not diffusion).
        DicomDataset ds = InstanceContext.Load(TestCorpus.File("robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm")).Dataset;
        ReadOnlySpan<byte> blob = ds.Find(new DicomTag(0x0029, 0x1010))!.Data.Span;

        SiemensCsaHeader.Items(blob, "NumberOfImagesInMosaic")![0].Should().Be("35");
        SiemensCsaHeader.Items(blob, "SliceMeasurementDuration")![0].Should().Be("17.50000000");
        SiemensCsaHeader.Items(blob, "B_value").Should().BeEmpty();
        SiemensCsaHeader.Items(blob, "NoSuchElement").Should().BeNull();
    }

    [Test]
    public void A_truncated_blob_gives_nothing_rather_than_reading_past_its_end()
    {
        byte[] blob = CsaBlob.Build(("B_value", "IS", ["1400"]));

        SiemensCsaHeader.Items(blob, "B_value").Should().Equal("1400");
        // The item "1400\0" (5 bytes) is padded to 8: cutting only padding leaves the value whole.
        for (int length = 0; length < blob.Length - 3; length++)
        {
            SiemensCsaHeader.Items(blob.AsSpan(0, length), "B_value").Should().BeNull($"cut at {length} bytes");
        }
    }
}

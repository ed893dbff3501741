using System.Buffers.Binary;
using System.Text;
using ImageQuality.Analysis.ProstateMr.BValues;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests.BValues;

/// <summary>
/// b-values of real vendor files, each against what dcmdump shows for the element read. Where a file also carries
/// the standard (0018,9087), that element is removed from the in-memory copy so that the vendor element is the one read.
/// </summary>
public sealed class BValueReaderTests
{
    private const string Vendors = "mr_dwi_vendors";

    [TestCase("GE_SIGNA_Pioneer_DWI_b1000.dcm", 1000, BValueSource.DiffusionBValue, TestName = "GE (0018,9087) FD 1000")]
    [TestCase("Philips_Ingenia_DWI_b1000.dcm", 1000, BValueSource.DiffusionBValue, TestName = "Philips (0018,9087) FD 1000")]
    [TestCase("Philips_Ingenia_DWI_b0.001.dcm", 0, BValueSource.DiffusionBValue, TestName = "Philips (0018,9087) FD 0.001 is b0")]
    [TestCase("GE_SIGNA_Pioneer_DWI_b0.dcm", 0, BValueSource.GeParameters, TestName = "GE (0043,1039) IS [0 8 0 0] under GEMS_PARM_01")]
    [TestCase("GE_DISCOVERY_MR750_DWI_b0_stripped.dcm", 0, BValueSource.GeParameters, TestName = "GE (0043,1039) without its creator")]
    [TestCase("Siemens_Skyra_DWI_b0.dcm", 0, BValueSource.SiemensMrHeader, TestName = "Siemens (0019,100C) IS 0 without its creator")]
    [TestCase("Siemens_Skyra_DWI_b1000.dcm", 1000, BValueSource.SiemensMrHeader, TestName = "Siemens (0019,100C) IS 1000 without its creator")]
    public void Reads_the_vendor_file(string file, double expected, BValueSource source)
    {
        DicomDataset ds = Header(Path.Combine(Vendors, file));

        BValueReader.Read(ds).Should().Be(new BValueReading(expected, source));
    }

    [Test]
    public void Ge_private_element_when_the_standard_one_is_absent()
    {
        DicomDataset ds = Header(Path.Combine(Vendors, "GE_SIGNA_Pioneer_DWI_b1000.dcm"));
        ds.Remove(DicomTag.DiffusionBValue);

        BValueReader.Read(ds).Should().Be(new BValueReading(1000, BValueSource.GeParameters), "dcmdump: (0043,1039) IS [1000\\8\\0\\0]");
    }

    [Test]
    public void Ge_multi_b_bias_of_1e9_is_taken_off()
    {
        DicomDataset ds = Header(Path.Combine(Vendors, "GE_SIGNA_Pioneer_DWI_b1000.dcm"));
        ds.Remove(DicomTag.DiffusionBValue);
        ds.AddString(new DicomTag(0x0043, 0x1039), DicomVR.IS, "1000001400\\8\\0\\0");

        BValueReader.Read(ds).Should().Be(new BValueReading(1400, BValueSource.GeParameters));
    }

    [Test]
    public void Ge_value_stored_as_UN_text_is_read()
    {
        // The QIN GE ADC series: (0043,1039) UN 35\30\30\5c\38\5c\30\5c\30\20 = "500\8\0\0", no creator.
        DicomDataset ds = Header("prostate_mri/QIN-PROSTATE-01-0001_GE_ADC/000000.dcm");
        ds.Find(new DicomTag(0x0043, 0x1039))!.VR.Should().Be(DicomVR.UN);

        BValueReader.Read(ds).Should().Be(new BValueReading(500, BValueSource.GeParameters));
    }

    [Test]
    public void Philips_private_FL_when_the_standard_one_is_absent()
    {
        DicomDataset ds = Header(Path.Combine(Vendors, "Philips_Ingenia_DWI_b1000.dcm"));
        ds.Remove(DicomTag.DiffusionBValue);

        BValueReader.Read(ds).Should().Be(new BValueReading(1000, BValueSource.PhilipsImaging), "dcmdump: (2001,1003) FL 1000");
    }

    [Test]
    public void Philips_private_stored_as_UN_is_decoded_as_little_endian_float()
    {
        // dcmdump: (2001,1003) UN 00\00\00\00 and no private creator; the standard element says 0 too.
        DicomDataset ds = Header(Path.Combine(Vendors, "Philips_Ingenia_DWI_b0_privateUN.dcm"));
        ds.Find(new DicomTag(0x2001, 0x1003))!.VR.Should().Be(DicomVR.UN);
        ds.Remove(DicomTag.DiffusionBValue);

        BValueReader.Read(ds).Should().Be(new BValueReading(0, BValueSource.PhilipsImaging));
    }

    [Test]
    public void Philips_UN_value_written_by_the_toolkit_reads_back_as_its_float()
    {
        string source = TestCorpus.File(Path.Combine(Vendors, "Philips_Ingenia_DWI_b0_privateUN.dcm"));
        DicomFile file = DicomFile.Open(source);
        file.Dataset.Remove(DicomTag.DiffusionBValue);
        var b = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(b, 1500f);
        file.Dataset.AddBytes(new DicomTag(0x2001, 0x1003), DicomVR.UN, b);
        string path = Path.Combine(Path.GetTempPath(), $"iq-philips-un-{Guid.NewGuid():N}.dcm");
        try
        {
            file.Save(path);
            DicomDataset reread = InstanceContext.Load(path).Dataset;

            reread.Find(new DicomTag(0x2001, 0x1003))!.VR.Should().Be(DicomVR.UN);
            BValueReader.Read(reread).Should().Be(new BValueReading(1500, BValueSource.PhilipsImaging));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Siemens_value_stored_as_OB_text_under_its_creator()
    {
        // ProstateX DWI b800 image: (0019,0010) LO [SIEMENS MR HEADER], (0019,100c) OB 38\30\30\20 = "800 ".
        DicomDataset ds = Header("prostate_mri/ProstateX-0218_complete_mpMRI/8.000000-ep2dadvdiff3Scan4bvalspair511b-12670/1-61.dcm");

        BValueReader.Read(ds).Should().Be(new BValueReading(800, BValueSource.SiemensMrHeader));
    }

    [Test]
    public void Siemens_element_of_another_creator_is_not_taken_for_the_b_value()
    {
        DicomDataset ds = Header(Path.Combine(Vendors, "Siemens_Skyra_DWI_b1000.dcm"));
        ds.AddString(new DicomTag(0x0019, 0x0010), DicomVR.LO, "SOME OTHER CREATOR");

        BValueReader.Read(ds).Should().BeNull("(0019,100C) belongs to whoever (0019,0010) names");
    }

    [Test]
    public void Siemens_csa_header_B_value_when_the_MR_header_element_is_absent()
    {
        DicomDataset ds = Header(Path.Combine(Vendors, "Siemens_Skyra_DWI_b1000.dcm"));
        ds.Remove(new DicomTag(0x0019, 0x100C));
        ds.AddString(new DicomTag(0x0029, 0x0010), DicomVR.LO, "SIEMENS CSA HEADER");
        ds.AddBytes(new DicomTag(0x0029, 0x1010), DicomVR.OB, CsaBlob.Build(
            ("EchoLinePosition", "IS", ["32"]),
            ("B_value", "IS", ["1400"]),
            ("DiffusionGradientDirection", "FD", ["0.0", "0.0", "1.0"])));

        BValueReader.Read(ds).Should().Be(new BValueReading(1400, BValueSource.SiemensCsaHeader));
    }

    [Test]
    public void Siemens_csa_header_without_a_B_value_item_gives_no_b_value()
    {
        // A real TrioTim BOLD image: its CSA image header lists B_value with no item (the parser is checked on the
        // populated elements in SiemensCsaHeaderTests).
        DicomDataset ds = Header("robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm");

        BValueReader.Read(ds).Should().BeNull();
    }

    [Test]
    public void Enhanced_MR_reads_every_frame_from_the_MR_diffusion_sequence()
    {
        DicomDataset b2500 = Header("mr_enhanced/Siemens_XA30_EnhMR_DWI_b2500.dcm");
        DicomDataset b0 = Header("mr_enhanced/Siemens_XA30_EnhMR_DWI_b0.dcm");

        Enumerable.Range(0, 39).Select(i => BValueReader.Read(b2500, i)).Should().AllBeEquivalentTo(new BValueReading(2500, BValueSource.MRDiffusionSequence));
        Enumerable.Range(0, 39).Select(i => BValueReader.Read(b0, i)).Should().AllBeEquivalentTo(new BValueReading(0, BValueSource.MRDiffusionSequence));
    }

    [Test]
    public void Enhanced_MR_with_two_b_values_per_frame()
    {
        // dcmdump: 8 frames (0018,9087) FD 0 and 24 frames FD 1300 in the per-frame MR Diffusion Sequence.
        DicomDataset ds = Header("mr_enhanced/Philips_Achieva_EnhMR_DTI_b0_b1300.dcm");

        var values = Enumerable.Range(0, 32).Select(i => BValueReader.Read(ds, i)).ToList();

        values.Should().AllSatisfy(v => v!.Value.Source.Should().Be(BValueSource.MRDiffusionSequence));
        values.GroupBy(v => v!.Value.Value).ToDictionary(g => g.Key, g => g.Count()).Should().Equal(new Dictionary<double, int> { [0] = 8, [1300] = 24 });
    }

    [Test]
    public void Enhanced_ADC_map_has_no_b_value()
    {
        DicomDataset ds = Header("mr_enhanced/Siemens_XA30_EnhMR_ADC.dcm");

        BValueReader.Read(ds, 0).Should().BeNull("its MR Diffusion Sequence holds the directionality only");
    }

    private static DicomDataset Header(string relative) => InstanceContext.Load(TestCorpus.File(relative)).Dataset;
}

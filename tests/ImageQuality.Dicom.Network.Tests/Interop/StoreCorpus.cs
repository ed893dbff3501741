using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Corpus files for store tests: many SOP classes and transfer syntaxes, distinct SOP instances.</summary>
internal static class StoreCorpus
{
    public static readonly string[] RelativePaths =
    [
        "robustness/dcm_qa_ts/1_Explicit_VR_LE.dcm",
        "robustness/dcm_qa_ts/2_Implicit_VR_LE.dcm",
        "robustness/dcm_qa_ts/3_Explicit_VR_BIG_ENDIAN.dcm",
        "robustness/dcm_qa_ts/4_RLE_Lossless.dcm",
        "robustness/dcm_qa_ts/5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm",
        "robustness/dcm_qa_ts/7_JPEG-LS_lossless_.4.80.dcm",
        "robustness/dcm_qa_ts/9_JPEG_2000_lossless_.4.90.dcm",
        "mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm",
        "mammo_dicom/SYNTHETIC_Clunie_MG_pixelspacing_R.dcm",
        "mammo_dicom/OpenREM_GE_SenoDS_L_CC_ForProcessing_headeronly.dcm",
        "mr_enhanced/pydicom_emri_small_EnhMR_10frames.dcm",
        "mr_dwi_vendors/Philips_Ingenia_DWI_b0_privateUN.dcm",
        "robustness/pydicom-debian/CT_small.dcm",
        "robustness/pydicom-debian/MR_small_bigendian.dcm",
        "robustness/pydicom-debian/rtplan.dcm",
        "robustness/pydicom-debian/rtdose.dcm",
        "robustness/pydicom-debian/waveform_ecg.dcm",
        "robustness/pydicom-debian/test-SR.dcm",
        "robustness/pydicom-debian/SC_rgb_jpeg_dcmtk.dcm",
        "robustness/pydicom-debian/JPGExtended.dcm",
        "robustness/pydicom-debian/image_dfl.dcm",
        "robustness/pydicom-debian/JPEG2000.dcm",
        "robustness/pydicom/JPEGLSNearLossless_16.dcm",
    ];

    public static string[] Files()
    {
        string root = TestCorpus.RequireRoot();
        string[] files = [.. RelativePaths.Select(p => Path.Combine(root, p)).Where(File.Exists)];
        if (files.Length < RelativePaths.Length / 2)
        {
            Assert.Ignore("Too few of the store corpus files are present.");
        }

        return files;
    }

    /// <summary>Where a folder store under <paramref name="root"/> put the instance of <paramref name="sourcePath"/>, found by its SOP Instance UID.</summary>
    public static string StoredPath(string root, string sourcePath)
    {
        DicomDataset ds = DicomFile.Open(sourcePath).Dataset;
        string name = ds.GetString(DicomTag.SOPInstanceUID) + ".dcm";
        string[] found = Directory.GetFiles(root, name, SearchOption.AllDirectories);
        found.Should().ContainSingle($"{sourcePath} should be stored once as {name}");
        string study = ds.GetString(DicomTag.StudyInstanceUID) ?? "no-study";
        string series = ds.GetString(DicomTag.SeriesInstanceUID) ?? "no-series";
        found[0].Should().Be(Path.Combine(root, study, series, name), "instances are filed by study and series");
        return found[0];
    }
}

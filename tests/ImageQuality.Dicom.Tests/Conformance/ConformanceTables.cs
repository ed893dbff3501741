namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>The corpus files whose outcome is not "both readers read it": each with the reason, checked by hand.</summary>
internal static class ConformanceTables
{
    /// <summary>Files our reader refuses, with a <see cref="IO.DicomFormatException"/> that names the offset.</summary>
    public static IReadOnlyDictionary<string, string> ExpectedFailures { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["robustness/pydicom/MR_truncated.dcm"] = "Truncated: Pixel Data (7FE0,0010) has length 8192 but the file ends first. dcmdump fails too.",
        ["robustness/pydicom-debian/MR_truncated.dcm"] = "Truncated: Pixel Data (7FE0,0010) has length 8192 but the file ends first. dcmdump fails too.",
        ["robustness/pydicom-debian/rtplan_truncated.dcm"] = "Truncated: (300A,00B0) Beam Sequence has length 976 but 711 bytes remain. dcmdump fails too, inside it ((300A,012C) Isocenter Position).",
        ["robustness/pydicom/no_meta.dcm"] = "Begins with a stray byte 0x20 before (0008,0005), so every tag read is shifted by a byte: (0820,0500) with length 173228800 follows. dcmdump fails too; pydicom reads one garbage element.",
        ["robustness/pydicom-debian/no_meta.dcm"] = "Begins with a stray byte 0x20 before (0008,0005), so every tag read is shifted by a byte: (0820,0500) with length 173228800 follows. dcmdump fails too; pydicom reads one garbage element.",
        ["mammo_dicom/OpenREM_Hologic_SeleniaDimensions_FlatField_headeronly.dcm"] = "(0008,0100) Code Value inside an undefined-length UN sequence has length 149587, beyond the end of the file. dcmdump fails too.",
        ["robustness/pydicom-debian/dicomdirtests/DICOMDIR-nooffset"] = "The last Directory Record item (offset 10860) declares length 248 but only 224 bytes remain in the file, so it runs past the end of its sequence and of the file (PS3.5 7.5.1: the Item Length is the length of the item's value). dcmdump and pydicom read it leniently: the item's elements happen to end exactly at the end of the file. We refuse a length that the data contradicts.",
    };

    /// <summary>Files our reader reads but dcmdump cannot; they are compared with pydicom instead.</summary>
    public static IReadOnlyDictionary<string, string> DcmtkCannotRead { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["robustness/fo-dicom/GH1339.dcm"] = "Encapsulated Pixel Data ends at the end of the file, after its last whole fragment, without the Sequence Delimitation Item (PS3.5 A.4). dcmtk fails (\"Sequence Delimitation Item missing\"); we read the fragments with a warning.",
        ["robustness/pydicom-debian/SC_rgb_jpeg.dcm"] = "The meta information says JPEG Baseline (explicit VR) but the data set is encoded in implicit VR. dcmtk reads the VR from the value bytes and fails; pydicom detects implicit VR and reads it as we do.",
    };
}

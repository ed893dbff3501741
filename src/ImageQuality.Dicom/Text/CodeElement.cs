namespace ImageQuality.Dicom.Text;

/// <summary>The ISO/IEC 2022 code elements DICOM uses: G0 is invoked in GL (0x21..0x7E), G1 in GR (0xA1..0xFE).</summary>
internal enum CodeElement : byte
{
    G0,
    G1,
}

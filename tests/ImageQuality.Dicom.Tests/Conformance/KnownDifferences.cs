namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Every documented way in which the oracle's dump may differ from our reading: dcmtk's own conventions, or
/// choices of ours made on purpose. Each cites the standard. Anything not matched here fails the test.
/// </summary>
internal static class KnownDifferences
{
    private static readonly DicomTag SpecificCharacterSet = new(0x00080005);
    private static readonly DicomTag PixelData = new(0x7FE00010);

    public static IReadOnlyList<KnownDifference> All { get; } =
    [
        new(
            "dcmtk +U8 rewrites Specific Character Set",
            "dcmdump +U8 converts the data set to UTF-8 before printing and so sets (0008,0005) Specific Character Set "
            + "to ISO_IR 192, inserting it where the file has none. PS3.3 C.12.1.1.2: \"ISO_IR 192\" is the Defined Term "
            + "for the Unicode character set in UTF-8. The file holds the original value, which is what we read.",
            d => d.Tag == SpecificCharacterSet
                && ((d.Kind == DifferenceKind.Value && d.Theirs.Contains("ISO_IR 192", StringComparison.Ordinal))
                    || (d.Kind == DifferenceKind.Structure && d.Ours == "absent"))),
        new(
            "dcmtk prints an unknown VR as ??",
            "In implicit VR, dcmtk shows an element its dictionaries do not know with its internal VR \"??\"; we give it "
            + "UN. PS3.5 6.2.2: \"The Unknown (UN) VR shall only be used for Private Attribute Data Elements and Standard "
            + "Data Elements previously encoded as some DICOM VR other than UN using the Implicit VR Little Endian Transfer "
            + "Syntax, but whose Value Representation is currently unknown.\" dcmtk itself writes such elements as UN.",
            d => d.Kind == DifferenceKind.VR && d.OurVR == "UN" && d.TheirVR == "??"),
        new(
            "dcmtk prints DICOMDIR offsets as up",
            "dcmtk shows the DICOMDIR record offsets (0004,1200), (0004,1202), (0004,1400), (0004,1420) and (0004,1510) "
            + "with its internal VR \"up\" (an unsigned long it resolves to a record pointer). PS3.6 gives them VR UL, "
            + "as PS3.3 F.3.2.1 describes them: the byte offset of a Directory Record.",
            d => d.Kind == DifferenceKind.VR && d.OurVR == "UL" && d.TheirVR == "up" && d.Tag.Group == 0x0004),
        new(
            "dcmtk prints encapsulated Pixel Data as OB",
            "dcmtk holds encapsulated pixel data as a pixel sequence, always shown as OB, even where the file's explicit "
            + "VR says OW. PS3.5 8.2: \"If sent in an Encapsulated Format (i.e., other than the Native Format) the Value "
            + "Representation OB is used.\" We keep the VR the file gives; the fragments are the same.",
            d => d.Kind == DifferenceKind.VR && d.Tag == PixelData && d.OurShape == DcmdumpLineKind.PixelSequence
                && d.OurVR == "OW" && d.TheirVR == "OB"),
        new(
            "we read a defined-length private sequence of unknown VR as a sequence",
            "In implicit VR a private element whose creator no dictionary knows has no known VR (PS3.5 6.2.2, 7.1.3). "
            + "When its value starts with an Item tag (FFFE,E000) we read it as the sequence it is "
            + "(DicomReadOptions.DetectSequencesInUnknownValues); dcmtk and pydicom keep such a defined-length value as bytes "
            + "(both read an undefined-length one as a sequence, PS3.5 7.5.1).",
            d => d.Kind == DifferenceKind.Structure && d.Implicit && d.Tag.IsPrivate && d.Ours == "Sequence" && d.Theirs == "Value"),
        new(
            "pydicom drops Pixel Data without a sequence delimiter",
            "robustness/fo-dicom/GH1339.dcm ends right after the last whole fragment of its encapsulated Pixel Data, "
            + "without the Sequence Delimitation Item (FFFE,E0DD) that PS3.5 A.4 requires. dcmtk refuses the file; "
            + "pydicom warns and leaves the element out; we keep the element with its fragments and a warning.",
            d => d.File == "robustness/fo-dicom/GH1339.dcm" && d.Kind == DifferenceKind.Structure && d.Tag == PixelData && d.Theirs == "absent"),
    ];

    /// <summary>The known difference that explains <paramref name="d"/>, or null.</summary>
    public static KnownDifference? Explain(ConformanceDifference d)
    {
        foreach (KnownDifference k in All)
        {
            if (k.Matches(d))
            {
                return k;
            }
        }

        return null;
    }
}

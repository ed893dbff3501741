namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>How our reading of an element differs from the oracle's.</summary>
internal enum DifferenceKind
{
    /// <summary>An element or item is missing, extra, or of another kind (sequence versus value).</summary>
    Structure,

    /// <summary>Another VR.</summary>
    VR,

    /// <summary>Another value.</summary>
    Value,

    /// <summary>Another number of items (sequence) or elements (item) or fragments (pixel sequence).</summary>
    Count,

    /// <summary>The data set was read in another encoding (implicit/explicit VR, byte order).</summary>
    Encoding,
}

/// <summary>One difference between our reading of a file and the oracle's.</summary>
/// <param name="File">Corpus-relative path.</param>
/// <param name="Where">The element's path, e.g. <c>(0008,1140)[0].(0008,1150)</c>.</param>
/// <param name="Tag">The element (the innermost of <paramref name="Where"/>).</param>
/// <param name="OurVR">Our VR, or empty.</param>
/// <param name="TheirVR">The oracle's VR as it prints it (dcmtk's internal "up", "??", "pi" included), or empty.</param>
/// <param name="Implicit">Our data set was read in implicit VR, where VRs come from a dictionary.</param>
/// <param name="OurShape">What our line is: a value, a sequence, an item, a pixel sequence (encapsulated pixel data).</param>
internal sealed record ConformanceDifference(
    string File,
    DifferenceKind Kind,
    string Where,
    DicomTag Tag,
    string OurVR,
    string TheirVR,
    string Ours,
    string Theirs,
    bool Implicit,
    DcmdumpLineKind OurShape = DcmdumpLineKind.Value)
{
    public override string ToString() => $"{File} {Where} {Kind}: ours {OurVR} {Abbreviate(Ours)} | dcmtk {TheirVR} {Abbreviate(Theirs)}";

    private static string Abbreviate(string s) => s.Length > 120 ? s[..117] + "..." : s;
}

namespace ImageQuality.DictionaryGenerator;

/// <summary>One entry line of dcmtk's dicom.dic or private.dic.</summary>
internal sealed record DcmtkDictionaryLine(
    int LineNumber,
    NumberRange Group,
    NumberRange Element,
    string? PrivateCreator,
    string VR,
    string Name,
    string VM,
    string Version)
{
    /// <summary>The tag field as written, for messages.</summary>
    public required string TagText { get; init; }
}

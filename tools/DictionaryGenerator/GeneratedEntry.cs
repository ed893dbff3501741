namespace ImageQuality.DictionaryGenerator;

/// <summary>One DicomDictionaryEntry to be written; a dictionary line becomes one or more of them.</summary>
internal sealed record GeneratedEntry(
    uint Tag,
    uint Mask,
    IReadOnlyList<string> VRs,
    string VM,
    string Keyword,
    bool IsRetired,
    string? PrivateCreator,
    DcmtkDictionaryLine Source)
{
    public bool IsRepeating => Mask != 0xFFFFFFFF;
}

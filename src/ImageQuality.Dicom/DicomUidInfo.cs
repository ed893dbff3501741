namespace ImageQuality.Dicom;

/// <summary>A UID defined by the standard (PS3.6 table A-1), e.g. a transfer syntax or SOP class.</summary>
public sealed class DicomUidInfo
{
    internal DicomUidInfo(string uid, string name, string keyword, DicomUidType type, bool isRetired)
    {
        Uid = uid;
        Name = name;
        Keyword = keyword;
        Type = type;
        IsRetired = isRetired;
    }

    public string Uid { get; }

    /// <summary>The UID name, e.g. "MR Image Storage".</summary>
    public string Name { get; }

    /// <summary>The UID keyword, e.g. "MRImageStorage"; empty for the few retired UIDs that have none.</summary>
    public string Keyword { get; }

    public DicomUidType Type { get; }

    public bool IsRetired { get; }

    public override string ToString() => $"{Uid} {Name}";
}

namespace ImageQuality.Dicom.Dictionary;

/// <summary>
/// One entry of the data dictionary (PS3.6 tables 6-1 and 7-1, and known private tags).
/// A repeating entry such as (60xx,0010) or (0020,31xx) matches every tag t with (t &amp; Mask) == Tag.Value.
/// </summary>
public sealed class DicomDictionaryEntry
{
    public DicomDictionaryEntry(
        uint tag,
        uint mask,
        DicomVR[] valueRepresentations,
        string valueMultiplicity,
        string keyword,
        bool isRetired,
        string? privateCreator = null)
    {
        Tag = new DicomTag(tag);
        Mask = mask;
        ValueRepresentations = valueRepresentations;
        ValueMultiplicity = valueMultiplicity;
        Keyword = keyword;
        IsRetired = isRetired;
        PrivateCreator = privateCreator;
    }

    /// <summary>
    /// The tag, with the repeating bits set to zero. For a private entry the element's low byte only (00ee), or,
    /// for the few private entries defined at one fixed element, the whole element (xxee, xx of 10-FF).
    /// </summary>
    public DicomTag Tag { get; }

    /// <summary>Which bits of a tag must equal <see cref="Tag"/>: 0xFFFFFFFF for a single tag.</summary>
    public uint Mask { get; }

    /// <summary>The VR, or for entries such as (0028,0106) "US or SS" every allowed VR, the first being the default.</summary>
    public IReadOnlyList<DicomVR> ValueRepresentations { get; }

    public DicomVR DefaultVR => ValueRepresentations.Count > 0 ? ValueRepresentations[0] : DicomVR.UN;

    /// <summary>As in PS3.6: "1", "1-n", "2-2n", "3-3n", "1-32".</summary>
    public string ValueMultiplicity { get; }

    /// <summary>The standard's keyword (PS3.6), e.g. PatientName; for private entries the name dcmtk's private dictionary gives.</summary>
    public string Keyword { get; }

    public bool IsRetired { get; }

    /// <summary>For a private entry: the Private Creator value that reserves its block.</summary>
    public string? PrivateCreator { get; }

    public bool IsRepeating => Mask != 0xFFFFFFFF;

    public override string ToString() => $"{Tag} {DefaultVR} {Keyword}";
}

namespace ImageQuality.DictionaryGenerator;

/// <summary>What a generation run did: counts for the log, notes on choices it made, and problems that stop it.</summary>
internal sealed class GenerationReport
{
    public List<string> Problems { get; } = [];

    public List<string> Notes { get; } = [];

    public int PublicExact { get; set; }

    public int PublicRepeating { get; set; }

    public int PrivateExact { get; set; }

    public int PrivateRepeating { get; set; }

    /// <summary>Dictionary lines whose range needs more than one (tag, mask) pair.</summary>
    public int SplitRanges { get; set; }

    /// <summary>DICONDE or DICOS lines dropped because a DICOM line has the same tag or keyword.</summary>
    public int Clashes { get; set; }

    /// <summary>private.dic lines repeated word for word.</summary>
    public int DuplicateLines { get; set; }

    /// <summary>private.dic lines that redefine an earlier line's tag; the later one wins, as in dcmtk.</summary>
    public int Overrides { get; set; }

    public int TagConstants { get; set; }

    public int SkippedTagConstants { get; set; }

    public int Uids { get; set; }

    public int UidConstants { get; set; }

    public int TotalEntries => PublicExact + PublicRepeating + PrivateExact + PrivateRepeating;
}

namespace ImageQuality.Dicom.Text;

/// <summary>
/// Where the code extension state returns to the initial one (PS3.5 6.1.2.5.3): at every control character
/// other than ESC (CR, LF, FF, TAB...), at the backslash between values of multi-valued VRs, and at the '^' and
/// '=' delimiters of PN. The writer must restore G0 before these and the reader resets G0 and G1 after them.
/// </summary>
internal readonly struct CodeExtensionResets
{
    private readonly bool _backslash;
    private readonly bool _personName;

    public CodeExtensionResets(DicomVR vr)
    {
        // LT, ST and UT hold one value, so a backslash there is text, not a value delimiter. UN text could be
        // either; it is read as the commoner multi-valued kind.
        _backslash = vr.IsMultiValuedString || vr == DicomVR.UN;
        _personName = vr == DicomVR.PN;
    }

    public bool IsReset(int value) => value switch
    {
        Iso2022EscapeSequence.Escape => false,
        < 0x20 => true,
        '\\' => _backslash,
        '^' or '=' => _personName,
        _ => false,
    };
}

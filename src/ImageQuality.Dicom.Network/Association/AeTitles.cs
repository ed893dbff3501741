namespace ImageQuality.Dicom.Network.Association;

/// <summary>AE title rules (PS3.5 6.2, VR AE): 1 to 16 characters, no backslash or control characters; spaces at either end are not significant.</summary>
public static class AeTitles
{
    public const int MaxLength = 16;

    public static bool IsValid(string aeTitle)
    {
        string trimmed = aeTitle.Trim(' ');
        if (trimmed.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    public static void Validate(string aeTitle, string settingName)
    {
        if (!IsValid(aeTitle))
        {
            throw new ArgumentException($"{settingName}: '{aeTitle}' is not a valid AE title (1 to 16 printable characters, no backslash)");
        }
    }

    /// <summary>AE titles compare case-sensitively (PS3.5 VR AE) after trimming the non-significant spaces.</summary>
    public static bool Same(string a, string b) => a.AsSpan().Trim(' ').SequenceEqual(b.AsSpan().Trim(' '));
}

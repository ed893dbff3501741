namespace ImageQuality.Dicom.Values;

/// <summary>
/// One component group of a PN value (PS3.5 6.2.1): up to five components separated by '^'.
/// Absent components are empty strings.
/// </summary>
public sealed record PersonNameComponentGroup(
    string FamilyName,
    string GivenName = "",
    string MiddleName = "",
    string NamePrefix = "",
    string NameSuffix = "")
{
    public static PersonNameComponentGroup Empty { get; } = new(string.Empty);

    public bool IsEmpty =>
        FamilyName.Length == 0 && GivenName.Length == 0 && MiddleName.Length == 0 && NamePrefix.Length == 0
        && NameSuffix.Length == 0;

    /// <summary>
    /// Splits a group on '^'. Trailing spaces of each component are removed: like value padding they carry no
    /// meaning, and keeping them would make "Doe ^John" and "Doe^John" different names. Text after a fifth '^'
    /// stays in <see cref="NameSuffix"/> (with its carets) rather than being dropped, so nothing of a malformed
    /// value is lost.
    /// </summary>
    public static PersonNameComponentGroup Parse(string group)
    {
        ArgumentNullException.ThrowIfNull(group);
        string[] parts = group.Split('^', 5);
        return new PersonNameComponentGroup(
            Component(parts, 0), Component(parts, 1), Component(parts, 2), Component(parts, 3), Component(parts, 4));
    }

    private static string Component(string[] parts, int index) =>
        index < parts.Length ? parts[index].TrimEnd(' ') : string.Empty;

    /// <summary>The DICOM form, without trailing empty components.</summary>
    public override string ToString()
    {
        string[] parts = [FamilyName, GivenName, MiddleName, NamePrefix, NameSuffix];
        int count = parts.Length;
        while (count > 0 && parts[count - 1].Length == 0)
        {
            count--;
        }

        return string.Join('^', parts, 0, count);
    }

    /// <summary>"Prefix Given Middle Family Suffix", skipping empty components.</summary>
    public string FormatForDisplay()
    {
        string[] parts = [NamePrefix, GivenName, MiddleName, FamilyName, NameSuffix];
        return string.Join(' ', Array.FindAll(parts, p => p.Length > 0));
    }
}

namespace ImageQuality.Dicom.Values;

/// <summary>
/// A PN value (PS3.5 6.2.1): up to three component groups separated by '=' (alphabetic, ideographic,
/// phonetic), each of up to five components separated by '^'. Works on one decoded value, i.e. after the
/// Specific Character Set has been applied and a multi-valued element split on backslash.
/// </summary>
public sealed record PersonName(
    PersonNameComponentGroup Alphabetic,
    PersonNameComponentGroup Ideographic,
    PersonNameComponentGroup Phonetic)
{
    public PersonName(PersonNameComponentGroup alphabetic)
        : this(alphabetic, PersonNameComponentGroup.Empty, PersonNameComponentGroup.Empty)
    {
    }

    public static PersonName Empty { get; } = new(PersonNameComponentGroup.Empty);

    public bool IsEmpty => Alphabetic.IsEmpty && Ideographic.IsEmpty && Phonetic.IsEmpty;

    /// <summary>
    /// Splits a value into groups and components; never fails. Trailing padding spaces are removed. Text after a
    /// third '=' stays in the phonetic group (and after a fifth '^' in the suffix) rather than being dropped;
    /// <see cref="DicomValueValidator"/> reports such values.
    /// </summary>
    public static PersonName Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string[] groups = value.TrimEnd(' ').Split('=', 3);
        return new PersonName(
            PersonNameComponentGroup.Parse(groups[0]),
            groups.Length > 1 ? PersonNameComponentGroup.Parse(groups[1]) : PersonNameComponentGroup.Empty,
            groups.Length > 2 ? PersonNameComponentGroup.Parse(groups[2]) : PersonNameComponentGroup.Empty);
    }

    /// <summary>The DICOM form, without trailing empty components or groups, e.g. "Yamada^Tarou=山田^太郎".</summary>
    public override string ToString()
    {
        string[] groups = [Alphabetic.ToString(), Ideographic.ToString(), Phonetic.ToString()];
        int count = groups.Length;
        while (count > 0 && groups[count - 1].Length == 0)
        {
            count--;
        }

        return string.Join('=', groups, 0, count);
    }

    /// <summary>
    /// A readable form such as "Dr. John Robert Doe Jr." from the first non-empty group (alphabetic, then
    /// ideographic, then phonetic); empty when the name is.
    /// </summary>
    public string FormatForDisplay() =>
        !Alphabetic.IsEmpty ? Alphabetic.FormatForDisplay()
        : !Ideographic.IsEmpty ? Ideographic.FormatForDisplay()
        : Phonetic.FormatForDisplay();
}

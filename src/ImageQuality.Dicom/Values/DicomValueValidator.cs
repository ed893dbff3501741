using System.Globalization;

namespace ImageQuality.Dicom.Values;

/// <summary>
/// Checks decoded string values against PS3.5 6.2 (table 6.2-1) and reports what is wrong; it never throws
/// for bad values. Values of binary VRs are not strings and are not checked here. An empty value is always
/// acceptable (type 2 attributes may be empty), and so is an empty value between backslashes.
/// </summary>
public static class DicomValueValidator
{
    /// <summary>Checks one value, i.e. one piece of a backslash-separated string, against the rules of its VR.</summary>
    public static void Validate(DicomVR vr, string singleValue, ICollection<DicomValueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(singleValue);
        ArgumentNullException.ThrowIfNull(problems);
        DicomSingleValueRules.Check(vr, singleValue, null, problems);
    }

    /// <summary>
    /// Checks a whole element value: splits it on backslash where the VR is multi-valued, checks each value, and
    /// the number of values against <paramref name="vm"/> (PS3.6 notation, e.g. "1", "1-n", "2-2n"). A null or
    /// unreadable <paramref name="vm"/> skips the multiplicity check: it is the dictionary's problem, not the value's.
    /// Trailing padding spaces (and NULs for UI) are ignored.
    /// </summary>
    public static void ValidateValue(DicomVR vr, string value, string? vm, ICollection<DicomValueProblem> problems)
    {
        DicomValueMultiplicity? multiplicity =
            vm is not null && DicomValueMultiplicity.TryParse(vm, out DicomValueMultiplicity parsed) ? parsed : null;
        ValidateValue(vr, value, multiplicity, problems);
    }

    /// <inheritdoc cref="ValidateValue(DicomVR, string, string?, ICollection{DicomValueProblem})"/>
    public static void ValidateValue(DicomVR vr, string value, DicomValueMultiplicity? vm, ICollection<DicomValueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(problems);
        if (!vr.IsString)
        {
            return;
        }

        ReadOnlySpan<char> text = value.AsSpan().TrimEnd(vr == DicomVR.UI ? " \0" : " ");
        if (text.IsEmpty)
        {
            return;
        }

        int count;
        if (vr.IsMultiValuedString)
        {
            count = CheckEach(vr, text, problems);
        }
        else if (vr == DicomVR.UR && text.Contains('\\'))
        {
            problems.Add(new DicomValueProblem(
                DicomValueProblemCode.NotAllowedMultiValue, vr, null, "UR holds exactly one value; the backslash is not allowed."));
            CheckEach(vr, text, problems);

            // Reported above; a multiplicity problem too would say the same twice.
            count = 1;
        }
        else
        {
            // LT, ST and UT hold one value in which a backslash is an ordinary character.
            DicomSingleValueRules.Check(vr, text, null, problems);
            count = 1;
        }

        if (vm is { } multiplicity && !multiplicity.Allows(count))
        {
            problems.Add(new DicomValueProblem(
                DicomValueProblemCode.WrongMultiplicity,
                vr,
                null,
                string.Create(CultureInfo.InvariantCulture, $"{count} value(s) where the value multiplicity is {multiplicity}.")));
        }
    }

    private static int CheckEach(DicomVR vr, ReadOnlySpan<char> text, ICollection<DicomValueProblem> problems)
    {
        bool several = text.Contains('\\');
        int index = 0;
        foreach (Range range in text.Split('\\'))
        {
            DicomSingleValueRules.Check(vr, text[range], several ? index : null, problems);
            index++;
        }

        return index;
    }
}

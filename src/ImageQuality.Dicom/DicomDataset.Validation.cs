using ImageQuality.Dicom.Dictionary;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom;

/// <summary>One value that breaks PS3.5 6.2 or its dictionary's value multiplicity; where it sits in the data set.</summary>
/// <param name="Path">The tags from the top-level element down, e.g. "(0040,0275)[0].(0040,0009)".</param>
public sealed record DicomValidationIssue(string Path, DicomTag Tag, DicomValueProblem Problem)
{
    public override string ToString() => $"{Path}: {Problem.Message}";
}

/// <summary>Validation that reports, never throws: reading a file never depends on its values being valid.</summary>
public sealed partial class DicomDataset
{
    public IReadOnlyList<DicomValidationIssue> Validate()
    {
        var issues = new List<DicomValidationIssue>();
        Validate(string.Empty, issues);
        return issues;
    }

    private void Validate(string prefix, List<DicomValidationIssue> issues)
    {
        var problems = new List<DicomValueProblem>();
        foreach (DicomElement e in _elements)
        {
            string path = prefix + e.Tag.ToString();
            if (e is DicomSequence sq)
            {
                for (int i = 0; i < sq.Items.Count; i++)
                {
                    sq.Items[i].Validate($"{path}[{i}].", issues);
                }

                continue;
            }

            if (e is DicomFragmentSequence || e.Length == 0 || e.IsDeferred)
            {
                continue;
            }

            problems.Clear();
            string? vm = e.Tag.IsPrivate || e.Tag.IsGroupLength ? null : DicomDictionary.Find(e.Tag)?.ValueMultiplicity;
            if (e.VR.IsString)
            {
                DicomValueValidator.ValidateValue(e.VR, DecodeString(e), vm, problems);
            }
            else if (e.VR.IsBinaryNumber)
            {
                ValidateBinary(e, vm, problems);
            }

            foreach (DicomValueProblem p in problems)
            {
                issues.Add(new DicomValidationIssue(path, e.Tag, p));
            }
        }
    }

    private static void ValidateBinary(DicomElement e, string? vm, List<DicomValueProblem> problems)
    {
        int size = e.VR.ByteSwapSize;
        if (e.Length % size != 0)
        {
            problems.Add(new DicomValueProblem(DicomValueProblemCode.InvalidFormat, e.VR, null, $"A {e.VR} value of {e.Length} bytes is not a whole number of {size}-byte values."));
            return;
        }

        int count = (int)(e.Length / size);
        if (vm is not null && DicomValueMultiplicity.TryParse(vm, out DicomValueMultiplicity multiplicity) && !multiplicity.Allows(count))
        {
            problems.Add(new DicomValueProblem(DicomValueProblemCode.WrongMultiplicity, e.VR, null, $"{count} value(s) where the dictionary allows {vm}."));
        }
    }
}

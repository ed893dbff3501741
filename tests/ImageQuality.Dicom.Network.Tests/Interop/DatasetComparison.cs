namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Element-by-element equality of two data sets as our reader sees them, with the first difference named.</summary>
internal static class DatasetComparison
{
    private static readonly DicomTag DataSetTrailingPadding = new(0xFFFCFFFC);

    /// <summary>
    /// Data Set Trailing Padding belongs to media (PS3.10 7.2) some senders drop it (dcmtk does)
    /// and kept by others (our client sends data sets as they are), so it is left out of the comparison.
    /// </summary>
    public static void ShouldEqual(DicomDataset actual, DicomDataset expected, bool compareVR, string context)
    {
        expected = expected.Clone();
        expected.Remove(DataSetTrailingPadding);
        actual = actual.Clone();
        actual.Remove(DataSetTrailingPadding);
        string? difference = FirstDifference(actual, expected, compareVR, string.Empty);
        difference.Should().BeNull($"the stored data set of {context} should equal the sent one");
    }

    private static string? FirstDifference(DicomDataset a, DicomDataset e, bool compareVR, string path)
    {
        for (int i = 0; i < Math.Min(a.Count, e.Count); i++)
        {
            DicomElement x = a[i];
            DicomElement y = e[i];
            string where = $"{path}/{y.Tag}";
            if (x.Tag != y.Tag)
            {
                return $"{where}: found {x.Tag}";
            }

            if (compareVR && x.VR != y.VR)
            {
                return $"{where}: VR {x.VR} instead of {y.VR}";
            }

            switch (y)
            {
                case DicomSequence sy when x is DicomSequence sx:
                    if (sx.Items.Count != sy.Items.Count)
                    {
                        return $"{where}: {sx.Items.Count} items instead of {sy.Items.Count}";
                    }

                    for (int j = 0; j < sy.Items.Count; j++)
                    {
                        if (FirstDifference(sx.Items[j], sy.Items[j], compareVR, $"{where}[{j}]") is { } d)
                        {
                            return d;
                        }
                    }

                    break;
                case DicomFragmentSequence fy when x is DicomFragmentSequence fx:
                    if (!fx.BasicOffsetTable.Span.SequenceEqual(fy.BasicOffsetTable.Span) || fx.Fragments.Count != fy.Fragments.Count)
                    {
                        return $"{where}: offset table or fragment count differs";
                    }

                    for (int j = 0; j < fy.Fragments.Count; j++)
                    {
                        if (!fx.Fragments[j].Span.SequenceEqual(fy.Fragments[j].Span))
                        {
                            return $"{where}: fragment {j} differs";
                        }
                    }

                    break;
                case DicomSequence or DicomFragmentSequence:
                    return $"{where}: {x.GetType().Name} instead of {y.GetType().Name}";
                default:
                    if (!x.Data.Span.SequenceEqual(y.Data.Span))
                    {
                        return $"{where}: value differs";
                    }

                    break;
            }
        }

        return a.Count == e.Count ? null : $"{path}: {a.Count} elements instead of {e.Count}";
    }
}

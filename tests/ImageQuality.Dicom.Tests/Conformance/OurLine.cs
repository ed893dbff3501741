namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Our data set flattened into the line structure dcmdump prints: an element, a sequence followed by its items,
/// an item followed by its elements, a pixel sequence followed by its fragment items.
/// </summary>
internal sealed record OurLine(int Depth, DicomTag Tag, DcmdumpLineKind Kind, string Where, DicomDataset Owner, DicomElement? Element, ReadOnlyMemory<byte> Fragment, int Count)
{
    public string VR => Kind switch
    {
        DcmdumpLineKind.Item => "na",
        _ when Element is null => "pi",
        _ => Element.VR.ToString(),
    };

    /// <summary>Flattens a data set, depth-first, as dcmdump prints it.</summary>
    public static List<OurLine> Flatten(DicomDataset dataset)
    {
        var lines = new List<OurLine>();
        Add(lines, dataset, 0, string.Empty);
        return lines;
    }

    private static void Add(List<OurLine> lines, DicomDataset dataset, int depth, string prefix)
    {
        foreach (DicomElement e in dataset)
        {
            string where = prefix + e.Tag;
            switch (e)
            {
                case DicomSequence sq:
                    lines.Add(new OurLine(depth, e.Tag, DcmdumpLineKind.Sequence, where, dataset, e, default, sq.Items.Count));
                    for (int i = 0; i < sq.Items.Count; i++)
                    {
                        string itemWhere = $"{where}[{i}]";
                        lines.Add(new OurLine(depth + 1, DicomTag.Item, DcmdumpLineKind.Item, itemWhere, sq.Items[i], null, default, sq.Items[i].Count));
                        Add(lines, sq.Items[i], depth + 2, itemWhere + ".");
                    }

                    break;
                case DicomFragmentSequence fs:
                    lines.Add(new OurLine(depth, e.Tag, DcmdumpLineKind.PixelSequence, where, dataset, e, default, fs.Fragments.Count + 1));
                    lines.Add(new OurLine(depth + 1, DicomTag.Item, DcmdumpLineKind.Value, where + "{BOT}", dataset, null, fs.BasicOffsetTable, 0));
                    for (int i = 0; i < fs.Fragments.Count; i++)
                    {
                        lines.Add(new OurLine(depth + 1, DicomTag.Item, DcmdumpLineKind.Value, $"{where}{{{i}}}", dataset, null, fs.Fragments[i], 0));
                    }

                    break;
                default:
                    lines.Add(new OurLine(depth, e.Tag, DcmdumpLineKind.Value, where, dataset, e, default, 0));
                    break;
            }
        }
    }
}

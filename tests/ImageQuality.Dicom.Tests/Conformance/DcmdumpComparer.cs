namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// Walks our reading of a file and dcmdump's dump of it side by side, line by line (items recursively), and
/// records every difference in tag sequence, VR and value.
/// </summary>
internal static class DcmdumpComparer
{
    /// <summary>Compares meta information and data set; returns the number of lines (elements, items, fragments) compared.</summary>
    public static int Compare(DicomFile ours, DcmdumpResult theirs, string file, List<ConformanceDifference> differences)
    {
        bool isImplicit = !ours.TransferSyntax.IsExplicitVR;
        string? theirEncoding = EncodingOf(theirs.DatasetTransferSyntax);
        string ourEncoding = ours.TransferSyntax.IsBigEndian ? "big endian explicit" : ours.TransferSyntax.IsExplicitVR ? "little endian explicit" : "little endian implicit";
        if (theirEncoding is not null && theirEncoding != ourEncoding)
        {
            differences.Add(new ConformanceDifference(file, DifferenceKind.Encoding, string.Empty, default, string.Empty, string.Empty, ourEncoding, theirs.DatasetTransferSyntax!, isImplicit));
        }

        var walk = new Walk(file, theirs.ConvertedToUtf8, differences);
        int compared = walk.Run(OurLine.Flatten(ours.FileMetaInformation), theirs.Meta, isImplicit: false);
        compared += walk.Run(OurLine.Flatten(ours.Dataset), theirs.Dataset, isImplicit);
        return compared;
    }

    /// <summary>dcmtk's name of the data set's transfer syntax reduced to its encoding; null when it names none.</summary>
    private static string? EncodingOf(string? dcmtkName) => dcmtkName switch
    {
        null => null,
        _ when dcmtkName.Contains("Implicit", StringComparison.OrdinalIgnoreCase) => "little endian implicit",
        _ when dcmtkName.Contains("Big Endian", StringComparison.OrdinalIgnoreCase) => "big endian explicit",
        _ => "little endian explicit",
    };

    private sealed class Walk(string file, bool convertedToUtf8, List<ConformanceDifference> differences)
    {
        public int Run(List<OurLine> ours, List<DcmdumpLine> theirs, bool isImplicit)
        {
            int i = 0;
            int j = 0;
            int compared = 0;
            while (i < ours.Count && j < theirs.Count)
            {
                OurLine o = ours[i];
                DcmdumpLine t = theirs[j];
                if (o.Depth != t.Depth || o.Tag != t.Tag)
                {
                    // Resynchronise: at the same depth the lower tag is an element the other side lacks; with
                    // different depths the shallower side has ended an item the other continues.
                    bool oursExtra = o.Depth > t.Depth || (o.Depth == t.Depth && o.Tag < t.Tag);
                    if (oursExtra)
                    {
                        Add(DifferenceKind.Structure, o.Where, o.Tag, o.VR, string.Empty, "present", "absent", isImplicit);
                        i = SkipOurs(ours, i);
                    }
                    else
                    {
                        Add(DifferenceKind.Structure, WhereOf(o, t), t.Tag, string.Empty, t.VR, "absent", "present", isImplicit);
                        j = SkipTheirs(theirs, j);
                    }

                    continue;
                }

                compared++;
                if (!SameShape(o, t))
                {
                    Add(DifferenceKind.Structure, o.Where, o.Tag, o.VR, t.VR, o.Kind.ToString(), t.Kind.ToString(), isImplicit);
                    i = SkipOurs(ours, i);
                    j = SkipTheirs(theirs, j);
                    continue;
                }

                CompareLine(o, t, isImplicit);
                i++;
                j++;
            }

            for (; i < ours.Count; i = SkipOurs(ours, i))
            {
                Add(DifferenceKind.Structure, ours[i].Where, ours[i].Tag, ours[i].VR, string.Empty, "present", "absent", isImplicit);
            }

            for (; j < theirs.Count; j = SkipTheirs(theirs, j))
            {
                Add(DifferenceKind.Structure, theirs[j].Tag.ToString(), theirs[j].Tag, string.Empty, theirs[j].VR, "absent", "present", isImplicit);
            }

            return compared;
        }

        private static string WhereOf(OurLine o, DcmdumpLine t) => o.Depth == t.Depth && o.Where.EndsWith(o.Tag.ToString(), StringComparison.Ordinal)
            ? o.Where[..^o.Tag.ToString().Length] + t.Tag
            : t.Tag.ToString();

        /// <summary>Sequence against sequence, item against item, pixel sequence against pixel sequence, value against value.</summary>
        private static bool SameShape(OurLine o, DcmdumpLine t) => o.Kind switch
        {
            DcmdumpLineKind.Sequence or DcmdumpLineKind.Item or DcmdumpLineKind.PixelSequence => t.Kind == o.Kind,
            _ => t.Kind is DcmdumpLineKind.Value or DcmdumpLineKind.Empty or DcmdumpLineKind.NotLoaded,
        };

        private void CompareLine(OurLine o, DcmdumpLine t, bool isImplicit)
        {
            if (o.Kind != DcmdumpLineKind.Item && o.Element is not null && o.VR != t.VR)
            {
                differences.Add(new ConformanceDifference(file, DifferenceKind.VR, o.Where, o.Tag, o.VR, t.VR, o.VR, t.VR, isImplicit, o.Kind));
            }

            switch (o.Kind)
            {
                case DcmdumpLineKind.Sequence or DcmdumpLineKind.Item or DcmdumpLineKind.PixelSequence:
                    if (o.Count != t.Count)
                    {
                        Add(DifferenceKind.Count, o.Where, o.Tag, o.VR, t.VR, $"#={o.Count}", $"#={t.Count}", isImplicit);
                    }

                    break;
                default:
                    ReadOnlyMemory<byte> data = o.Element?.Data ?? o.Fragment;
                    if (!DcmdumpValueComparer.Matches(o.Owner, o.Tag, data, t, convertedToUtf8, out string ourText, out string theirText))
                    {
                        Add(DifferenceKind.Value, o.Where, o.Tag, o.VR, t.VR, ourText, theirText, isImplicit);
                    }

                    break;
            }
        }

        private static int SkipOurs(List<OurLine> lines, int i)
        {
            int depth = lines[i].Depth;
            for (i++; i < lines.Count && lines[i].Depth > depth; i++)
            {
            }

            return i;
        }

        private static int SkipTheirs(List<DcmdumpLine> lines, int j)
        {
            int depth = lines[j].Depth;
            for (j++; j < lines.Count && lines[j].Depth > depth; j++)
            {
            }

            return j;
        }

        private void Add(DifferenceKind kind, string where, DicomTag tag, string ourVR, string theirVR, string ours, string theirs, bool isImplicit) =>
            differences.Add(new ConformanceDifference(file, kind, where, tag, ourVR, theirVR, ours, theirs, isImplicit));
    }
}

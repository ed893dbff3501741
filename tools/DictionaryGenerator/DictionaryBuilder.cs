namespace ImageQuality.DictionaryGenerator;

/// <summary>Turns the lines of dicom.dic and private.dic into dictionary entries, sorted by tag.</summary>
internal static class DictionaryBuilder
{
    private const string RetiredPrefix = "RETIRED_";

    public static List<GeneratedEntry> Build(
        IReadOnlyList<DcmtkDictionaryLine> publicLines,
        IReadOnlyList<DcmtkDictionaryLine> privateLines,
        GenerationReport report)
    {
        List<GeneratedEntry> entries = BuildPublic(publicLines, report);
        entries.AddRange(BuildPrivate(privateLines, report));
        entries.Sort(CompareEntries);
        foreach (GeneratedEntry e in entries)
        {
            if (e.PrivateCreator is null)
            {
                _ = e.IsRepeating ? report.PublicRepeating++ : report.PublicExact++;
            }
            else
            {
                _ = e.IsRepeating ? report.PrivateRepeating++ : report.PrivateExact++;
            }
        }

        return entries;
    }

    private static List<GeneratedEntry> BuildPublic(IReadOnlyList<DcmtkDictionaryLine> lines, GenerationReport report)
    {
        var byTag = new Dictionary<(uint Tag, uint Mask), GeneratedEntry>();
        var byKeyword = new Dictionary<string, DcmtkDictionaryLine>(StringComparer.Ordinal);

        // DICOM's own lines first, so that a DICONDE or DICOS line can only lose a clash with one of them.
        foreach (DcmtkDictionaryLine line in lines.OrderBy(l => IsDicomProper(l.Version) ? 0 : 1))
        {
            if (line.PrivateCreator is not null)
            {
                report.Problems.Add($"dicom.dic:{line.LineNumber}: a private creator in the public dictionary: {line.TagText}.");
                continue;
            }

            if (ToEntries(line, null, report) is not { } pieces)
            {
                continue;
            }

            string keyword = pieces[0].Keyword;
            DcmtkDictionaryLine? earlier = byKeyword.GetValueOrDefault(keyword)
                ?? pieces.Select(p => byTag.GetValueOrDefault((p.Tag, p.Mask))?.Source).FirstOrDefault(s => s is not null);
            if (earlier is not null)
            {
                if (IsDicomProper(earlier.Version) && !IsDicomProper(line.Version))
                {
                    report.Clashes++;
                    report.Notes.Add(
                        $"dicom.dic:{line.LineNumber}: {line.Version} {line.TagText} {line.Name} dropped: it clashes with line {earlier.LineNumber}.");
                }
                else
                {
                    report.Problems.Add(
                        $"dicom.dic:{line.LineNumber}: {line.TagText} {line.Name} clashes with line {earlier.LineNumber} ({earlier.TagText} {earlier.Name}).");
                }

                continue;
            }

            foreach (GeneratedEntry piece in pieces)
            {
                byTag.Add((piece.Tag, piece.Mask), piece);
            }

            byKeyword.Add(keyword, line);
        }

        return [.. byTag.Values];
    }

    /// <summary>Lines of the DICOM standard itself, as opposed to DICONDE/DICOS additions and dcmtk's catch-alls.</summary>
    private static bool IsDicomProper(string version) =>
        version.Equals("DICOM", StringComparison.OrdinalIgnoreCase)
        || version.Equals("DICOM/retired", StringComparison.OrdinalIgnoreCase);

    private static List<GeneratedEntry> BuildPrivate(IReadOnlyList<DcmtkDictionaryLine> lines, GenerationReport report)
    {
        var byKey = new Dictionary<(string Creator, uint Tag, uint Mask), GeneratedEntry>();
        foreach (DcmtkDictionaryLine line in lines)
        {
            if (line.PrivateCreator is not { } creator)
            {
                report.Problems.Add($"private.dic:{line.LineNumber}: a tag without private creator: {line.TagText}.");
                continue;
            }

            if (ToEntries(line, creator, report) is not { } pieces)
            {
                continue;
            }

            foreach (GeneratedEntry piece in pieces)
            {
                var key = (creator, piece.Tag, piece.Mask);
                if (byKey.TryGetValue(key, out GeneratedEntry? earlier))
                {
                    if (SameDefinition(earlier, piece))
                    {
                        report.DuplicateLines++;
                        continue;
                    }

                    report.Overrides++;
                    report.Notes.Add(
                        $"private.dic:{line.LineNumber}: {line.TagText} {piece.Keyword} overrides line {earlier.Source.LineNumber} ({earlier.Keyword}).");
                }

                byKey[key] = piece;
            }
        }

        return [.. byKey.Values];
    }

    private static bool SameDefinition(GeneratedEntry a, GeneratedEntry b) =>
        a.VRs.SequenceEqual(b.VRs, StringComparer.Ordinal)
        && string.Equals(a.VM, b.VM, StringComparison.Ordinal)
        && string.Equals(a.Keyword, b.Keyword, StringComparison.Ordinal)
        && a.IsRetired == b.IsRetired;

    /// <summary>
    /// One entry per (tag, mask) pair the line's ranges need; null (with a problem reported) when the line is unusable.
    /// Private entries hold the element byte ee as (gggg,00ee), or the whole element for the fixed form (gggg,eeee).
    /// </summary>
    private static List<GeneratedEntry>? ToEntries(DcmtkDictionaryLine line, string? creator, GenerationReport report)
    {
        string source = creator is null ? "dicom.dic" : "private.dic";
        if (!DcmtkVR.TryMap(line.VR, out List<string> vrs))
        {
            report.Problems.Add($"{source}:{line.LineNumber}: unknown VR '{line.VR}'.");
            return null;
        }

        if (creator is not null && !IsPrivateElement(line.Element))
        {
            report.Problems.Add(
                $"{source}:{line.LineNumber}: {line.TagText}: a private element must be ee (00-FF) or a fixed eeee of 1000-FFFF.");
            return null;
        }

        IReadOnlyList<(ushort Value, ushort Mask)> groups = line.Group.ToMasks();
        IReadOnlyList<(ushort Value, ushort Mask)> elements = line.Element.ToMasks();
        if (groups.Count == 0 || elements.Count == 0)
        {
            report.Problems.Add($"{source}:{line.LineNumber}: {line.TagText} matches no tag.");
            return null;
        }

        if (groups.Count * elements.Count > 1)
        {
            report.SplitRanges++;
            report.Notes.Add(
                $"{source}:{line.LineNumber}: {line.TagText} needs {groups.Count * elements.Count} (tag, mask) pairs.");
        }

        string keyword = KeywordOf(line.Name);
        bool retired = line.Name.StartsWith(RetiredPrefix, StringComparison.Ordinal)
            || line.Version.EndsWith("/retired", StringComparison.OrdinalIgnoreCase);
        var pieces = new List<GeneratedEntry>(groups.Count * elements.Count);
        foreach ((ushort g, ushort gm) in groups)
        {
            foreach ((ushort e, ushort em) in elements)
            {
                pieces.Add(new GeneratedEntry(
                    ((uint)g << 16) | e, ((uint)gm << 16) | em, vrs, line.VM, keyword, retired, creator, line));
            }
        }

        return pieces;
    }

    private static bool IsPrivateElement(NumberRange element) => element.High <= 0xFF || element.Low >= 0x1000;

    private static string KeywordOf(string name) =>
        name.StartsWith(RetiredPrefix, StringComparison.Ordinal) ? name[RetiredPrefix.Length..] : name;

    private static int CompareEntries(GeneratedEntry a, GeneratedEntry b)
    {
        int c = a.Tag.CompareTo(b.Tag);
        if (c == 0)
        {
            c = (a.PrivateCreator is null).CompareTo(b.PrivateCreator is null) * -1;
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.PrivateCreator, b.PrivateCreator);
        }

        return c != 0 ? c : b.Mask.CompareTo(a.Mask);
    }
}

namespace ImageQuality.DictionaryGenerator;

/// <summary>A generated source file, by its path relative to src/ImageQuality.Dicom.</summary>
internal sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>The generation itself, from source texts to file texts: no file system, so tests can run it in-process.</summary>
internal static class DictionaryGeneration
{
    /// <summary>The data dictionary and the DicomTag constants from dcmtk's dicom.dic and private.dic.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateDictionary(string dicomDic, string privateDic, GenerationReport report)
    {
        IReadOnlyList<DcmtkDictionaryLine> publicLines = DcmtkDictionaryParser.Parse(dicomDic, "dicom.dic", report.Problems);
        IReadOnlyList<DcmtkDictionaryLine> privateLines = DcmtkDictionaryParser.Parse(privateDic, "private.dic", report.Problems);
        List<GeneratedEntry> entries = DictionaryBuilder.Build(publicLines, privateLines, report);
        string[] sources =
        [
            SourceDescription.ForDcmtk("dicom.dic", dicomDic),
            SourceDescription.ForDcmtk("private.dic", privateDic),
        ];
        return
        [
            new GeneratedFile(DictionaryDataWriter.RelativePath, DictionaryDataWriter.Write(entries, sources, report)),
            new GeneratedFile(DicomTagWriter.RelativePath, DicomTagWriter.Write(entries, [sources[0]], report)),
        ];
    }

    /// <summary>The UID constants and table from pydicom's _uid_dict.py (and its _version.py, for the banner only).</summary>
    public static IReadOnlyList<GeneratedFile> GenerateUids(string uidDict, string? versionPy, GenerationReport report)
    {
        if (PythonUidDictParser.Parse(uidDict, report.Problems) is not { } rows)
        {
            return [];
        }

        // As in a Python dict literal, a repeated key keeps its last value.
        var byUid = new Dictionary<string, PydicomUid>(StringComparer.Ordinal);
        foreach (PydicomUid row in rows)
        {
            if (byUid.ContainsKey(row.Uid))
            {
                report.Notes.Add($"_uid_dict.py: {row.Uid} is listed twice; the later row is kept.");
            }

            byUid[row.Uid] = row;
        }

        string[] sources = [SourceDescription.ForPydicom("_uid_dict.py", versionPy)];
        return [new GeneratedFile(UidsWriter.RelativePath, UidsWriter.Write([.. byUid.Values], sources, report))];
    }
}

using ImageQuality.DictionaryGenerator;

// dotnet run --project tools/DictionaryGenerator -- [--dcmtk-dir DIR] [--pydicom-uids FILE] --out src/ImageQuality.Dicom
string? dcmtkDir = null;
string pydicomUids = SourceLocator.DefaultPydicomUids;
string? outDir = null;
for (int i = 0; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--dcmtk-dir" when value is not null:
            dcmtkDir = value;
            i++;
            break;
        case "--pydicom-uids" when value is not null:
            pydicomUids = value;
            i++;
            break;
        case "--out" when value is not null:
            outDir = value;
            i++;
            break;
        default:
            Console.Error.WriteLine($"Unexpected argument '{args[i]}'.");
            Console.Error.WriteLine("Usage: DictionaryGenerator [--dcmtk-dir DIR] [--pydicom-uids FILE] --out src/ImageQuality.Dicom");
            return 2;
    }
}

if (outDir is null || !Directory.Exists(outDir))
{
    Console.Error.WriteLine($"--out must name the existing src/ImageQuality.Dicom folder (got '{outDir}').");
    return 2;
}

dcmtkDir ??= SourceLocator.FindDcmtkDirectory();
if (dcmtkDir is null || !File.Exists(Path.Combine(dcmtkDir, "dicom.dic")) || !File.Exists(Path.Combine(dcmtkDir, "private.dic")))
{
    Console.Error.WriteLine($"No dicom.dic and private.dic in '{dcmtkDir ?? "/usr/share/libdcmtk*"}'; install dcmtk or pass --dcmtk-dir.");
    return 1;
}

if (!File.Exists(pydicomUids))
{
    Console.Error.WriteLine($"No pydicom UID dictionary at '{pydicomUids}'; install python3-pydicom or pass --pydicom-uids.");
    return 1;
}

var report = new GenerationReport();
var files = new List<GeneratedFile>();
files.AddRange(DictionaryGeneration.GenerateDictionary(
    File.ReadAllText(Path.Combine(dcmtkDir, "dicom.dic")), File.ReadAllText(Path.Combine(dcmtkDir, "private.dic")), report));
files.AddRange(DictionaryGeneration.GenerateUids(
    File.ReadAllText(pydicomUids), SourceLocator.ReadPydicomVersionFile(pydicomUids), report));

foreach (string note in report.Notes)
{
    Console.WriteLine("note: " + note);
}

if (report.Problems.Count > 0)
{
    foreach (string problem in report.Problems)
    {
        Console.Error.WriteLine("error: " + problem);
    }

    Console.Error.WriteLine($"{report.Problems.Count} problem(s); nothing written.");
    return 1;
}

foreach (GeneratedFile file in files)
{
    string path = Path.Combine(outDir, file.RelativePath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, file.Content);
    Console.WriteLine($"wrote {path}");
}

Console.WriteLine(
    $"entries: {report.TotalEntries} (public {report.PublicExact} + {report.PublicRepeating} repeating, " +
    $"private {report.PrivateExact} + {report.PrivateRepeating} repeating); ranges split into several masks: {report.SplitRanges}; " +
    $"DICONDE/DICOS clashes dropped: {report.Clashes}; private duplicates: {report.DuplicateLines}, overrides: {report.Overrides}");
Console.WriteLine(
    $"DicomTag constants: {report.TagConstants} (skipped {report.SkippedTagConstants}); UIDs: {report.Uids}, constants: {report.UidConstants}");
return 0;

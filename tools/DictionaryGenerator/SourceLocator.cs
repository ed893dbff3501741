namespace ImageQuality.DictionaryGenerator;

/// <summary>Where the standard data is installed on Debian-like systems.</summary>
internal static class SourceLocator
{
    public const string DefaultPydicomUids = "/usr/lib/python3/dist-packages/pydicom/_uid_dict.py";

    /// <summary>The newest /usr/share/libdcmtk*/ holding dicom.dic, or null.</summary>
    public static string? FindDcmtkDirectory(string root = "/usr/share")
    {
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root, "libdcmtk*")
            .Where(d => File.Exists(Path.Combine(d, "dicom.dic")) && File.Exists(Path.Combine(d, "private.dic")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .LastOrDefault();
    }

    /// <summary>pydicom's _version.py next to _uid_dict.py, which states the pydicom version and DICOM edition.</summary>
    public static string? ReadPydicomVersionFile(string uidDictPath)
    {
        string path = Path.Combine(Path.GetDirectoryName(uidDictPath) ?? ".", "_version.py");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }
}

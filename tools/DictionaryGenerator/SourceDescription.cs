using System.Text.RegularExpressions;

namespace ImageQuality.DictionaryGenerator;

/// <summary>Names a source file and the edition it states in its header, for the banner of the generated files.</summary>
internal static partial class SourceDescription
{
    /// <summary>
    /// E.g. "dcmtk dicom.dic: DICOM PS 3.6-2022b and PS 3.7-2022b; Copyright (C) 1994-2022, OFFIS e.V.".
    /// Only the file name is used, so the output does not depend on where dcmtk is installed.
    /// </summary>
    public static string ForDcmtk(string fileName, string text)
    {
        var parts = new List<string>();
        Match generated = GeneratedFrom().Match(text);
        if (generated.Success)
        {
            parts.Add(generated.Groups[1].Value.Trim());
        }

        Match copyright = Copyright().Match(text);
        if (copyright.Success)
        {
            parts.Add(copyright.Groups[1].Value.Trim());
        }

        return $"dcmtk {fileName}: {(parts.Count == 0 ? "no edition stated" : string.Join("; ", parts))}";
    }

    /// <summary>E.g. "pydicom 2.3.1 _uid_dict.py: DICOM 2022a", the versions read from pydicom's _version.py.</summary>
    public static string ForPydicom(string fileName, string? versionText)
    {
        string? version = versionText is null ? null : PythonAssignment("__version__").Match(versionText) is { Success: true } v
            ? v.Groups[1].Value
            : null;
        string? edition = versionText is null ? null : PythonAssignment("__dicom_version__").Match(versionText) is { Success: true } d
            ? d.Groups[1].Value
            : null;
        return $"pydicom {version ?? "(version unknown)"} {fileName}: DICOM {edition ?? "(edition unknown)"}";
    }

    private static Regex PythonAssignment(string name) =>
        new($@"^{Regex.Escape(name)}\s*(?::\s*str\s*)?=\s*['""]([^'""]+)['""]", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^#\s*Generated automatically from (.+?)\.?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedFrom();

    [GeneratedRegex(@"^#\s*(Copyright \(C\) .+?)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();
}

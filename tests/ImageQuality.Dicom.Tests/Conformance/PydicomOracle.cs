using System.Diagnostics;
using System.Text;

namespace ImageQuality.Dicom.Tests.Conformance;

/// <summary>
/// The second oracle, for files dcmtk cannot read: Debian's pydicom (/usr/bin/python3), through pydicom_dump.py,
/// which prints what pydicom parsed in dcmdump's format so that the same comparison applies.
/// </summary>
internal static class PydicomOracle
{
    private const string Python = "/usr/bin/python3";

    /// <summary>pydicom_dump.py's exit status when pydicom cannot be imported.</summary>
    private const int NoPydicom = 3;

    /// <summary>Dumps the files in one python process; null when python3 or pydicom is not installed.</summary>
    public static IReadOnlyDictionary<string, DcmdumpResult>? DumpAll(IReadOnlyList<string> paths)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Conformance", "pydicom_dump.py");
        if (!File.Exists(Python) || !File.Exists(script))
        {
            return null;
        }

        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.Latin1,
        };
        psi.ArgumentList.Add(script);
        foreach (string p in paths)
        {
            psi.ArgumentList.Add(p);
        }

        using Process process = Process.Start(psi) ?? throw new InvalidOperationException("python3 did not start");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        var results = new List<DcmdumpResult>(paths.Count);
        DcmdumpOracle.Split(process.StandardOutput, [.. paths], utf8: false, results.Add);
        process.WaitForExit();
        if (process.ExitCode == NoPydicom)
        {
            return null;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pydicom_dump.py failed: {stderr.Result}");
        }

        return results.ToDictionary(r => r.Path, StringComparer.Ordinal);
    }
}

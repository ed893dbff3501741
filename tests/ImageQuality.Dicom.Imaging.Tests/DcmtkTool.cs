using System.Diagnostics;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>dcmtk command line tools used to make test inputs (dcmcjpeg) in a temporary folder.</summary>
internal static class DcmtkTool
{
    /// <summary>
    /// The file compressed by dcmcjpeg with <paramref name="options"/>, read into memory; the test is ignored where
    /// dcmcjpeg is missing and inconclusive where it refuses.
    /// </summary>
    public static (DicomFile File, string Path) Compress(string source, string options)
    {
        string output = TempPath();
        (int exit, string stderr) = Run("dcmcjpeg", [.. options.Split(' ', StringSplitOptions.RemoveEmptyEntries), source, output]);
        if (exit != 0 || !File.Exists(output))
        {
            File.Delete(output);
            Assert.Inconclusive($"dcmcjpeg {options} could not compress {Path.GetFileName(source)}: {stderr.Trim()}");
        }

        return (DicomFile.Open(new MemoryStream(File.ReadAllBytes(output))), output);
    }

    public static string TempPath() => Path.Combine(Path.GetTempPath(), $"iq-jpeg-{Guid.NewGuid():N}.dcm");

    private static (int ExitCode, string StandardError) Run(string tool, string[] arguments)
    {
        string? exe = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Where(d => d.Length > 0)
            .Select(d => Path.Combine(d, tool))
            .FirstOrDefault(File.Exists);
        if (exe is null)
        {
            Assert.Ignore($"{tool} is not installed (Debian package dcmtk); test skipped.");
        }

        var start = new ProcessStartInfo(exe!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        string stderr = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stderr);
    }
}

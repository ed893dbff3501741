using System.Diagnostics;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Independent decoders used as oracles: dcmtk's dcmdrle / dcmdjpeg / dcmdjpls and GDCM's gdcmconv write the
/// file uncompressed; its Pixel Data is what our decoder must produce.
/// </summary>
internal static class DecompressionOracle
{
    /// <summary>The uncompressed file written by <paramref name="tool"/>, or an ignored test when the tool is missing or refuses.</summary>
    public static DicomFile Decompress(string tool, string path, params string[] options)
    {
        string? exe = FindOnPath(tool);
        if (exe is null)
        {
            Assert.Ignore($"{tool} is not installed (Debian package {(tool == "gdcmconv" ? "libgdcm-tools" : "dcmtk")}); oracle test skipped.");
        }

        string output = Path.Combine(Path.GetTempPath(), $"iq-oracle-{Guid.NewGuid():N}.dcm");
        try
        {
            var start = new ProcessStartInfo(exe!)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (string o in options)
            {
                start.ArgumentList.Add(o);
            }

            start.ArgumentList.Add(path);
            start.ArgumentList.Add(output);
            using Process p = Process.Start(start)!;
            string stderr = p.StandardError.ReadToEnd();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0 || !File.Exists(output))
            {
                Assert.Inconclusive($"{tool} could not decompress {Path.GetFileName(path)}: {stderr.Trim()}");
            }

            return DicomFile.Open(new MemoryStream(File.ReadAllBytes(output)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string? FindOnPath(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            string candidate = Path.Combine(dir, tool);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

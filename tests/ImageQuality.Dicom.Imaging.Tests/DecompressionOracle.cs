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
        using var output = new TemporaryFile(".dcm");
        Convert(tool, path, output.Path, options);
        return DicomFile.Open(new MemoryStream(File.ReadAllBytes(output.Path)));
    }

    /// <summary>The uncompressed file, or null with the tool's complaint when it refuses the input (an ignored test when the tool is missing).</summary>
    public static DicomFile? TryDecompress(string tool, string path, out string complaint, params string[] options)
    {
        using var output = new TemporaryFile(".dcm");
        complaint = Run(tool, path, output.Path, options);
        return complaint.Length == 0 ? DicomFile.Open(new MemoryStream(File.ReadAllBytes(output.Path))) : null;
    }

    /// <summary>
    /// A temporary file written by <paramref name="tool"/> from <paramref name="path"/> (e.g. an encoder making a
    /// compressed test image), deleted when disposed; an ignored test when the tool is missing or refuses.
    /// </summary>
    public static TemporaryFile Encode(string tool, string path, params string[] options)
    {
        var output = new TemporaryFile(".dcm");
        Convert(tool, path, output.Path, options);
        return output;
    }

    /// <summary>Runs <paramref name="tool"/> with options, then input and output paths (how dcmtk's and GDCM's converters are called).</summary>
    public static void Convert(string tool, string input, string output, params string[] options)
    {
        string complaint = Run(tool, input, output, options);
        if (complaint.Length > 0)
        {
            Assert.Inconclusive(complaint);
        }
    }

    /// <summary>Runs the tool; returns an empty string on success, else what went wrong.</summary>
    private static string Run(string tool, string input, string output, string[] options)
    {
        string exe = FindOnPath(tool) ?? IgnoreMissing(tool);
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string o in options)
        {
            start.ArgumentList.Add(o);
        }

        start.ArgumentList.Add(input);
        start.ArgumentList.Add(output);
        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0
            ? $"{tool} could not convert {Path.GetFileName(input)}: {stderr.Trim()} {stdout.Result.Trim()}".Trim()
            : string.Empty;
    }

    public static string? FindOnPath(string tool)
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

    private static string IgnoreMissing(string tool)
    {
        string package = tool switch
        {
            "gdcmconv" => "libgdcm-tools",
            "opj_decompress" or "opj_compress" => "libopenjp2-tools",
            _ => "dcmtk",
        };
        Assert.Ignore($"{tool} is not installed (Debian package {package}); oracle test skipped.");
        return tool;
    }
}

/// <summary>A file in the temporary folder that is deleted on dispose.</summary>
internal sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string extension)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"iq-oracle-{Guid.NewGuid():N}{extension}");
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

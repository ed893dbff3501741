using System.Diagnostics;
using System.Globalization;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Service.Tests.Support;

/// <summary>dcmtk's storescu as an independent sender; tests skip where dcmtk is not installed.</summary>
internal static class Storescu
{
    /// <summary>
    /// Sends every readable DICOM file under the paths, each in its own transfer syntax: one storescu run per syntax
    /// with the option that proposes it (storescu proposes only uncompressed syntaxes unless told, and cannot
    /// decompress to them).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> SendAsync(int port, IEnumerable<string> paths, string callingAe = "MODALITY")
    {
        var tool = Path.Combine("/usr/bin", "storescu");
        if (!File.Exists(tool))
        {
            Assert.Ignore("dcmtk's storescu is not installed (apt-get install dcmtk)");
        }

        var groups = paths
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Select(p => (Path: p, Syntax: SyntaxOf(p)))
            .Where(f => f.Syntax is not null)
            .GroupBy(f => f.Syntax!, f => f.Path);
        var exitCode = 0;
        var output = new System.Text.StringBuilder();
        foreach (var group in groups)
        {
            var (code, text) = await RunAsync(tool, ["-aet", callingAe, "-aec", "IMAGEQUALITY", "-nh", ProposeFlag(group.Key), "127.0.0.1", port.ToString(CultureInfo.InvariantCulture), .. group]);
            exitCode = Math.Max(exitCode, code);
            output.Append(text);
        }

        return (exitCode, output.ToString());
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Debian's dcmtk leaves Nagle's algorithm on unless told, and every store would wait for a delayed ACK.
        info.Environment["TCP_NODELAY"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("storescu did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string? SyntaxOf(string path)
    {
        try
        {
            var file = DicomFileReader.Read(path, new DicomReadOptions { StopBeforePixelData = true });
            return file.Dataset.Contains(ImageQuality.Dicom.DicomTag.SOPInstanceUID) && file.HadFileMetaInformation ? file.TransferSyntax.Uid : null;
        }
        catch (Exception e) when (e is DicomFormatException or EndOfStreamException or InvalidDataException)
        {
            return null;
        }
    }

    private static string ProposeFlag(string transferSyntaxUid) => transferSyntaxUid switch
    {
        "1.2.840.10008.1.2" => "-xi",
        "1.2.840.10008.1.2.1" => "-xe",
        "1.2.840.10008.1.2.2" => "-xb",
        "1.2.840.10008.1.2.1.99" => "-xd",
        "1.2.840.10008.1.2.5" => "-xr",
        "1.2.840.10008.1.2.4.70" => "-xs",
        "1.2.840.10008.1.2.4.50" => "-xy",
        "1.2.840.10008.1.2.4.51" => "-xx",
        "1.2.840.10008.1.2.4.80" => "-xt",
        "1.2.840.10008.1.2.4.81" => "-xu",
        "1.2.840.10008.1.2.4.90" => "-xv",
        "1.2.840.10008.1.2.4.91" => "-xw",
        _ => throw new InvalidOperationException($"No storescu option proposes {transferSyntaxUid}"),
    };
}

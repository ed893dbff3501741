using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ImageQuality.Dicom.Tests.Text;

/// <summary>
/// Runs Debian's python3 with pydicom as an independent reference. Tests using it are ignored where that
/// interpreter or pydicom is missing; the hard-coded examples of PS3.5 keep those tests meaningful elsewhere.
/// </summary>
internal static class PythonOracle
{
    private const string Interpreter = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> as JSON on stdin; returns stdout parsed as JSON.</summary>
    public static JsonElement Run(string script, object input)
    {
        if (!File.Exists(Interpreter))
        {
            Assert.Ignore($"{Interpreter} is not installed.");
        }

        string output = Execute(script, JsonSerializer.Serialize(input), out string error, out int exitCode);
        if (exitCode != 0 && error.Contains("No module named 'pydicom'", StringComparison.Ordinal))
        {
            Assert.Ignore($"pydicom is not installed for {Interpreter}.");
        }

        if (exitCode != 0)
        {
            Assert.Fail($"python3 failed ({exitCode}): {error}");
        }

        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string Execute(string script, string input, out string error, out int exitCode)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONWARNINGS"] = "ignore";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        Task<string> errorTask = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        error = errorTask.Result;
        exitCode = process.ExitCode;
        return output;
    }
}

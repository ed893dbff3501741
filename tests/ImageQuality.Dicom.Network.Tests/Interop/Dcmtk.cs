using System.Diagnostics;
using System.Text;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Runs dcmtk's network tools as real peers; tests that need one skip where dcmtk is not installed.</summary>
internal static class Dcmtk
{
    public static string Require(string tool)
    {
        string? path = Find(tool);
        if (path is null)
        {
            Assert.Ignore($"dcmtk's {tool} is not installed; interoperability test skipped.");
        }

        return path!;
    }

    public static string? Find(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs the tool to its end (killed after <paramref name="timeout"/>) and returns exit code and output.</summary>
    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        using Process process = Start(tool, arguments);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ToolResult(-1, output + "\n(killed: timeout)");
        }

        process.WaitForExit();
        lock (output)
        {
            return new ToolResult(process.ExitCode, output.ToString());
        }
    }

    /// <summary>Starts a long-running tool (storescp); the caller kills it.</summary>
    public static Process Start(string tool, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // Debian's dcmtk leaves Nagle's algorithm on unless told: every store would wait for a delayed ACK.
        info.Environment["TCP_NODELAY"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

internal sealed record ToolResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}

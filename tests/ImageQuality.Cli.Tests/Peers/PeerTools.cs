using System.Net;
using System.Net.Sockets;
using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Cli.Tests.Peers;

/// <summary>What the interoperability tests need around the peers: programs on PATH, free ports, the corpus, iq.dll.</summary>
internal static class PeerTools
{
    /// <summary>Corpus folders of well-formed instances of standard storage SOP classes (no deliberately broken files).</summary>
    public static readonly string[] WellFormedFolders = ["prostate_mri", "mr_dwi_vendors", "mr_enhanced", "mammo_dicom"];

    public static string RequireProgram(string name, string? package = null)
    {
        string? found = FindProgram(name);
        if (found is null)
        {
            Assert.Ignore($"{name} is not installed (apt-get install {package ?? name}); test skipped.");
        }

        return found!;
    }

    public static string? FindProgram(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static string CorpusFolder(string relative)
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ImageQuality.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "corpus", relative));
                if (!Directory.Exists(path))
                {
                    Assert.Ignore($"Corpus folder {relative} is absent (../shared/corpus beside the repository); test skipped.");
                }

                return path;
            }
        }

        Assert.Ignore("Repository root not found; test skipped.");
        return string.Empty;
    }

    /// <summary>SOP Instance UID of every file under the folders that our reader reads whole, by UID.</summary>
    public static Dictionary<string, string> ReadableInstances(IEnumerable<string> folders)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories)))
        {
            if (TryReadSopInstanceUid(file) is { } uid)
            {
                found[uid] = file;
            }
        }

        return found;
    }

    public static string? TryReadSopInstanceUid(string file)
    {
        try
        {
            return DicomFile.Open(file).Dataset.GetString(DicomTag.SOPInstanceUID)?.Trim();
        }
        catch (Exception e) when (e is DicomFormatException or IOException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The built iq.dll beside the tests and the dotnet host that runs it.</summary>
    public static (string Host, string Dll) IqDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "iq.dll");
        File.Exists(dll).Should().BeTrue("the CLI project is referenced, so iq.dll is copied beside the tests");
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : FindProgram("dotnet") ?? "dotnet";
        return (host, dll);
    }

    /// <summary>Waits until something accepts TCP connections on the port.</summary>
    public static bool WaitForPort(int port, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        return false;
    }
}

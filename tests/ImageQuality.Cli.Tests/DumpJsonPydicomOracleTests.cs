using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ImageQuality.Cli.Tests;

/// <summary>
/// Our DICOM JSON (PS3.18 F.2) compared with Debian's pydicom (Dataset.to_json_dict), an independent
/// implementation of the same model.
/// </summary>
public sealed class DumpJsonPydicomOracleTests
{
    private const string Python = "/usr/bin/python3";

    private static readonly string[] Files =
    [
        "robustness/pydicom-debian/CT_small.dcm",
        "robustness/pydicom-debian/MR_small_bigendian.dcm",
        "robustness/pydicom-debian/rtplan.dcm",
        "robustness/pydicom-debian/test-SR.dcm",
        "mammo_dicom/OpenREM_GE_SenoDS_L_CC_ForPresentation_headeronly.dcm",
        "mr_dwi_vendors/Siemens_Skyra_DWI_b1000.dcm",
    ];

    [TestCaseSource(nameof(Files))]
    public void Agrees_with_pydicom(string relative)
    {
        string file = CliRunner.CorpusFile(relative);
        string? oracle = PydicomJson(file);
        if (oracle is null)
        {
            Assert.Ignore("Debian's python3-pydicom is not installed; oracle test skipped.");
        }

        (int code, string ours, string error) = CliRunner.Run("dump", "--json", file);
        code.Should().Be(0, error);
        using JsonDocument a = JsonDocument.Parse(ours);
        using JsonDocument b = JsonDocument.Parse(oracle!);
        var differences = new List<string>();
        CompareDataset(a.RootElement, b.RootElement, "", differences, relative.Contains("bigendian", StringComparison.Ordinal));
        differences.Should().BeEmpty(string.Join(Environment.NewLine, differences));
    }

    private static void CompareDataset(JsonElement ours, JsonElement theirs, string path, List<string> differences, bool bigEndian)
    {
        foreach (JsonProperty p in theirs.EnumerateObject())
        {
            string where = path + p.Name;
            if (!ours.TryGetProperty(p.Name, out JsonElement mine))
            {
                differences.Add($"{where}: missing in ours");
                continue;
            }

            string vr = p.Value.GetProperty("vr").GetString()!;
            string myVr = mine.GetProperty("vr").GetString()!;
            if (vr != myVr)
            {
                differences.Add($"{where}: VR {myVr} vs pydicom {vr}");
                continue;
            }

            bool theyHave = p.Value.TryGetProperty("Value", out JsonElement theirValue);
            bool weHave = mine.TryGetProperty("Value", out JsonElement myValue);
            if (theyHave && !weHave && theirValue.GetArrayLength() == 0)
            {
                // Known difference: pydicom writes an empty sequence as "Value": []; PS3.18 F.2.5 says an
                // empty attribute has no "Value" at all, which is what we write.
                continue;
            }

            if (theyHave != weHave)
            {
                differences.Add($"{where}: Value present {weHave} vs pydicom {theyHave}");
                continue;
            }

            if (theyHave)
            {
                CompareValues(vr, myValue, theirValue, where, differences, bigEndian);
            }

            // Known difference: for a big endian file pydicom inlines the bytes as stored; PS3.18 F.2.7 wants
            // OW and other word values in little endian, which is what we write.
            if (!bigEndian && p.Value.TryGetProperty("InlineBinary", out JsonElement theirBinary)
                && mine.TryGetProperty("InlineBinary", out JsonElement myBinary)
                && theirBinary.GetString() != myBinary.GetString())
            {
                differences.Add($"{where}: InlineBinary differs");
            }
        }

        foreach (JsonProperty p in ours.EnumerateObject())
        {
            if (!theirs.TryGetProperty(p.Name, out _))
            {
                differences.Add($"{path}{p.Name}: not in pydicom's output");
            }
        }
    }

    private static void CompareValues(string vr, JsonElement mine, JsonElement theirs, string where, List<string> differences, bool bigEndian)
    {
        if (mine.GetArrayLength() != theirs.GetArrayLength())
        {
            differences.Add($"{where}: {mine.GetArrayLength()} values vs pydicom {theirs.GetArrayLength()}");
            return;
        }

        for (int i = 0; i < mine.GetArrayLength(); i++)
        {
            JsonElement m = mine[i];
            JsonElement t = theirs[i];
            if (vr == "SQ")
            {
                CompareDataset(m, t, $"{where}[{i}].", differences, bigEndian);
            }
            else if (m.ValueKind == JsonValueKind.Number && t.ValueKind == JsonValueKind.Number)
            {
                double x = m.GetDouble();
                double y = t.GetDouble();
                if (Math.Abs(x - y) > 1e-9 * Math.Max(1, Math.Abs(y)))
                {
                    differences.Add($"{where}[{i}]: {x.ToString(CultureInfo.InvariantCulture)} vs pydicom {y.ToString(CultureInfo.InvariantCulture)}");
                }
            }
            else if (m.ValueKind == JsonValueKind.Null && t.ValueKind == JsonValueKind.String && t.GetString()!.Length == 0)
            {
                // Known difference: an empty value among several is null in PS3.18 F.2.5 (ours); pydicom writes "".
            }
            else if (!JsonElement.DeepEquals(m, t))
            {
                differences.Add($"{where}[{i}]: {m.GetRawText()} vs pydicom {t.GetRawText()}");
            }
        }
    }

    private static string? PydicomJson(string file)
    {
        if (!File.Exists(Python))
        {
            return null;
        }

        const string Script = "import sys, json, pydicom\n"
            + "ds = pydicom.dcmread(sys.argv[1])\n"
            + "print(json.dumps(ds.to_json_dict(bulk_data_threshold=1 << 30)))\n";
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(file);
        using Process p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            if (error.Contains("No module named 'pydicom'", StringComparison.Ordinal))
            {
                return null;
            }

            Assert.Fail($"pydicom failed: {error}");
        }

        return output;
    }
}

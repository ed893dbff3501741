using System.Globalization;
using System.Text;
using ImageQuality.Cli.Tests.Peers;
using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;
using Microsoft.Data.Sqlite;

namespace ImageQuality.Cli.Tests;

/// <summary>
/// kill -9 during a 500-instance import and during analysis: after the restarts every instance is indexed once,
/// every instance job is done once, every image has exactly one result, and the dead letter is empty.
/// </summary>
public sealed class KillDuringImportAndAnalysisTests
{
    private const int Exams = 125;

    [Test]
    public void A_killed_import_and_a_killed_service_leave_each_instance_indexed_and_judged_once()
    {
        string root = Directory.CreateTempSubdirectory("iq-kill-").FullName;
        try
        {
            string archive = Path.Combine(root, "archive");
            string data = Path.Combine(root, "data");
            WriteExams(archive);
            (string host, string dll) = PeerTools.IqDll();
            string database = Path.Combine(data, "index.db");

            // 1. Import, killed part-way.
            using (ChildProcess import = ChildProcess.Start(host, [dll, "import", archive, "--data-dir", data]))
            {
                WaitUntil(() => Count(database, "SELECT COUNT(*) FROM instances") >= 50, TimeSpan.FromMinutes(2), "the import should get going");
                import.Signal(9);
                import.WaitForExit(TimeSpan.FromSeconds(10)).Should().NotBeNull();
            }

            long afterKill = Count(database, "SELECT COUNT(*) FROM instances");
            afterKill.Should().BeLessThan(Exams * 4, "the import was killed before it was done");

            // 2. The import again finishes the rest and passes over what is indexed.
            (int code, string output, string error) = CliRunner.Run("import", archive, "--data-dir", data);
            code.Should().Be(0, error);
            output.Should().Contain($"{Exams * 4} files: ");
            Count(database, "SELECT COUNT(*) FROM instances").Should().Be(Exams * 4);

            // 3. The service analyses; killed part-way; restarted, it finishes (short leases: the killed process's job
            //    is taken over after 2 s).
            var environment = new Dictionary<string, string> { ["IQ_Service__JobLease"] = "00:00:02", ["IQ_Service__Workers"] = "2" };
            int port = PeerTools.FreePort();
            using (ChildProcess serve = IqServe.Start(port, data, environment))
            {
                WaitUntil(() => Count(database, "SELECT COUNT(*) FROM jobs WHERE state = 'done'") >= 50, TimeSpan.FromMinutes(2), "analysis should get going");
                serve.Signal(9);
                serve.WaitForExit(TimeSpan.FromSeconds(10)).Should().NotBeNull();
            }

            Count(database, "SELECT COUNT(*) FROM jobs WHERE state = 'done'").Should().BeLessThan(Exams * 5, "the service was killed before it was done");
            using (ChildProcess again = IqServe.Start(port, data, environment))
            {
                WaitUntil(() => Count(database, "SELECT COUNT(*) FROM jobs WHERE state IN ('pending', 'running')") == 0, TimeSpan.FromMinutes(3), "the restarted service should finish the queue");
            }

            Count(database, "SELECT COUNT(*) FROM instances").Should().Be(Exams * 4, "each instance is indexed once");
            Count(database, "SELECT COUNT(*) FROM jobs WHERE kind = 'analyze-instance' AND state = 'done'").Should().Be(Exams * 4, "each instance job is done once");
            Count(database, "SELECT COUNT(DISTINCT subject) FROM jobs WHERE kind = 'analyze-instance'").Should().Be(Exams * 4);
            Count(database, "SELECT COUNT(*) FROM jobs WHERE state = 'dead'").Should().Be(0, "nothing here is bad input");
            Count(database, "SELECT COUNT(*) FROM analysis_results WHERE scope = 'instance' AND analyzer_id = 'mammography.header'").Should().Be(Exams * 4, "one result per image, no duplicates");
            Count(database, "SELECT COUNT(*) FROM (SELECT subject_uid FROM analysis_results WHERE scope = 'study' AND is_current = 1 GROUP BY subject_uid) s").Should().Be(Exams);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static long Count(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The schema is not there yet, or the writer holds a lock for a moment.
            return 0;
        }
    }

    private static void WaitUntil(Func<bool> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, because);
            Thread.Sleep(50);
        }
    }

    /// <summary>Screening exams from a real GE header (no pixel data): new UIDs, the four views.</summary>
    private static void WriteExams(string folder)
    {
        Directory.CreateDirectory(folder);
        var template = DicomFileReader.Read(PeerTools.CorpusFolder("mammo_dicom") + "/OpenREM_GE_SenoDS_L_CC_ForPresentation_headeronly.dcm", new DicomReadOptions { StopBeforePixelData = true });
        (string View, string Laterality)[] views = [("CC", "R"), ("CC", "L"), ("MLO", "R"), ("MLO", "L")];
        for (int e = 0; e < Exams; e++)
        {
            string study = $"2.25.4242.{e}";
            for (int v = 0; v < views.Length; v++)
            {
                DicomDataset ds = template.Dataset.Clone();
                Set(ds, DicomTag.StudyInstanceUID, DicomVR.UI, study);
                Set(ds, DicomTag.SeriesInstanceUID, DicomVR.UI, study + ".1");
                Set(ds, DicomTag.SOPInstanceUID, DicomVR.UI, $"{study}.1.{v + 1}");
                Set(ds, DicomTag.ViewPosition, DicomVR.CS, views[v].View);
                Set(ds, DicomTag.ImageLaterality, DicomVR.CS, views[v].Laterality);
                using FileStream stream = File.Create(Path.Combine(folder, $"{e:D4}-{v}.dcm"));
                DicomFileWriter.Write(stream, null, ds, TransferSyntax.ExplicitVRLittleEndian);
            }
        }
    }

    private static void Set(DicomDataset ds, DicomTag tag, DicomVR vr, string value)
    {
        ds.Remove(tag);
        string padded = value.Length % 2 == 0 ? value : value + (vr == DicomVR.UI ? "\0" : " ");
        ds.Add(new DicomElement(tag, vr, Encoding.ASCII.GetBytes(padded)));
    }
}

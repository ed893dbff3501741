using ImageQuality.Cli.Commands;
using ImageQuality.Cli.Tests.Peers;

namespace ImageQuality.Cli.Tests;

public sealed class ImportAndReanalyzeCommandTests
{
    private string _data = "";

    [SetUp]
    public void CreateDataFolder() => _data = Directory.CreateTempSubdirectory("iq-import-cli-").FullName;

    [TearDown]
    public void RemoveDataFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Test]
    public void An_archive_is_imported_then_passed_over_and_queued_again_for_reanalysis()
    {
        string archive = PeerTools.CorpusFolder("mammo_dicom");

        (int code, string output, string error) = CliRunner.Run("import", archive, "--data-dir", _data);
        code.Should().Be(1, "one file of the folder is unreadable: " + error);
        output.Should().Contain("6 files: 5 indexed and queued for analysis, 0 already indexed, 0 not DICOM, 1 unreadable");
        error.Should().Contain("OpenREM_Hologic_SeleniaDimensions_FlatField_headeronly.dcm");

        (code, output, _) = CliRunner.Run("import", archive, "--data-dir", _data);
        output.Should().Contain("0 indexed and queued for analysis, 5 already indexed");

        (code, output, error) = CliRunner.Run("reanalyze", "--since", "30d", "--data-dir", _data);
        code.Should().Be(0, error);
        output.Should().StartWith("Queued 5 instance(s) and 4 stud(ies)");
    }

    [Test]
    public void Usage_errors_say_what_is_wrong()
    {
        (int code, _, string error) = CliRunner.Run("import", Path.Combine(_data, "absent"), "--data-dir", _data);
        code.Should().Be(2);
        error.Should().Contain("no such folder");

        (code, _, error) = CliRunner.Run("reanalyze", "--since", "last tuesday", "--data-dir", _data);
        code.Should().Be(2);
        error.Should().Contain("expected a date");
    }

    [TestCase("30d", 30 * 24)]
    [TestCase("12h", 12)]
    public void Since_takes_an_age(string text, int hours)
    {
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
        ReanalyzeCommand.TryParseSince(text, now, out var since).Should().BeTrue();
        since.Should().Be(now.AddHours(-hours));
    }

    [Test]
    public void Since_takes_a_date_in_utc()
    {
        ReanalyzeCommand.TryParseSince("2026-01-01", DateTimeOffset.UtcNow, out var since).Should().BeTrue();
        since.Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}

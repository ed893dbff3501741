using ImageQuality.Dicom.Tests.Corpus;
using ImageQuality.Service.Ingest;
using ImageQuality.Service.Tests.Support;
using ImageQuality.Service.Workers;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Migrations;
using ImageQuality.Storage.Results;
using ImageQuality.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageQuality.Service.Tests.EndToEnd;

/// <summary>Folder import (retrospective audits) and re-analysis, through the same pipeline as received instances.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ImportTests(StorageProvider provider)
{
    [Test]
    public async Task An_archive_is_imported_once_resumably_analysed_by_the_service_and_reanalysed_as_new_revisions()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iq-import-" + Guid.NewGuid().ToString("N"));
        var archive = Path.Combine(TestCorpus.RequireRoot(), "mammo_dicom");
        try
        {
            await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
            ImportProgress first;
            await using (var offline = ServiceHost.Build(overrides: Settings(database, dataDir)))
            {
                await offline.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
                var reports = new List<ImportProgress>();
                first = await offline.Services.GetRequiredService<FolderImporter>().ImportAsync(archive, new SynchronousProgress(reports), CancellationToken.None);
                reports.Should().NotBeEmpty().And.EndWith(first);

                // Run again, as after an interruption: nothing is read twice or indexed twice.
                var second = await offline.Services.GetRequiredService<FolderImporter>().ImportAsync(archive, null, CancellationToken.None);
                second.Added.Should().Be(0);
                second.AlreadyIndexed.Should().Be(first.Added);
            }

            first.Added.Should().Be(5, "mammo_dicom holds five readable instances");
            first.Failed.Should().Be(1, "the Hologic header whose CodeValue runs past the end of the file is refused");

            await using var service = await ServiceUnderTest.StartAsync(database, dataDir);
            await service.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
            var index = service.Services.GetRequiredService<InstanceIndex>();
            var results = service.Services.GetRequiredService<ResultStore>();
            var ge = (await index.FindInstanceAsync("1.2.840.113619.2.227.10452012345105.2111150929121006.35"))!;
            ge.FilePath.Should().StartWith(archive, "imported files are indexed where they lie");
            ge.CallingAeTitle.Should().BeNull();
            (await results.GetHistoryAsync(ResultSubject.Instance(ge.SopInstanceUid, ge.StudyInstanceUid))).Where(h => h.AnalyzerId == "mammography.header").Should().ContainSingle();

            var (instances, studies) = await service.Services.GetRequiredService<Reanalysis>().QueueSinceAsync(DateTimeOffset.UnixEpoch, CancellationToken.None);
            instances.Should().Be(5);
            studies.Should().BeGreaterThan(0);
            await service.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
            var history = (await results.GetHistoryAsync(ResultSubject.Instance(ge.SopInstanceUid, ge.StudyInstanceUid))).Where(h => h.AnalyzerId == "mammography.header");
            history.Select(h => (h.Revision, h.IsCurrent)).Should().Equal((2, true), (1, false));
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static Dictionary<string, string?> Settings(TestDatabase database, string dataDir) => new()
    {
        ["Service:DataDir"] = dataDir,
        ["Service:Database"] = database.ConnectionString,
        ["Service:StudySettleTime"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the test wants every report in order.</summary>
    private sealed class SynchronousProgress(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}

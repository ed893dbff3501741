using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;
using ImageQuality.Service.Tests.Support;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Results;
using ImageQuality.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ImageQuality.Service.Tests.EndToEnd;

/// <summary>storescu → listener → store → index and queue → workers → API, on each database engine.</summary>
[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class EndToEndTests(StorageProvider provider)
{
    private string _dataDir = "";

    [SetUp]
    public void CreateDataDir()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "iq-service-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDir);
    }

    [TearDown]
    public void RemoveDataDir()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Test]
    public async Task Storescu_sends_the_mammograms_and_the_prostate_study_and_the_api_lists_them_with_header_findings()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var service = await ServiceUnderTest.StartAsync(database, _dataDir);
        string[] folders = [Path.Combine(TestCorpus.RequireRoot(), "mammo_dicom"), Path.Combine(TestCorpus.RequireRoot(), "prostate_mri")];
        var sent = Readable(folders);

        var (exitCode, output) = await Storescu.SendAsync(service.DicomPort, folders);
        exitCode.Should().Be(0, output);
        var queue = await service.WaitUntilIdleAsync(TimeSpan.FromSeconds(90));

        queue.GetProperty("dead").GetInt64().Should().Be(0, queue.ToString());
        var index = service.Services.GetRequiredService<InstanceIndex>();
        foreach (var sop in sent.Keys)
        {
            (await index.FindInstanceAsync(sop)).Should().NotBeNull($"{sop} was sent; storescu said:\n{output}");
        }

        var list = await service.Http.GetFromJsonAsync<JsonElement>("/api/studies?pageSize=1000");
        list.GetProperty("studies").GetArrayLength().Should().Be(sent.Values.Distinct().Count());
        list.GetProperty("studies").EnumerateArray().Sum(s => s.GetProperty("instanceCount").GetInt32()).Should().Be(sent.Count);

        // The GE mammogram: its header findings are there, with the analyzer that made them.
        const string ge = "1.2.840.113564.99.1.132112381479.62.2015929114621460.1007647.2";
        var study = await service.Http.GetFromJsonAsync<JsonElement>($"/api/studies/{ge}");
        var instance = study.GetProperty("series")[0].GetProperty("instances")[0];
        var result = instance.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyzerId").GetString() == "mammography.header");
        result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("criterionId").GetString())
            .Should().Contain(["mg.header.view-laterality", "mg.header.compression-force", "mg.header.operator"]);
        result.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("criterionId").GetString() == "mg.header.view-laterality")
            .GetProperty("outcome").GetString().Should().Be("pass");

        // The study was judged as a whole after its settle time: one image of four screening views.
        var exam = study.GetProperty("studyResults").EnumerateArray().Single(r => r.GetProperty("analyzerId").GetString() == "mammography.exam");
        exam.GetProperty("findings")[0].GetProperty("message").GetString().Should().StartWith("Missing R CC, L CC, L MLO");

        // Its positioning: landmarks found, the muscle judged against the PNL, the landmarks drawn for the feedback page.
        var positioning = instance.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("analyzerId").GetString() == "mammography.positioning");
        positioning.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("criterionId").GetString()).Should().Contain(["mg.position.scope", "mg.position.pectoral-to-pnl", "mg.position.cut-off"]);
        var overlay = await service.Http.GetByteArrayAsync(instance.GetProperty("overlay").GetString() + "?size=256");
        overlay.Take(4).Should().Equal(0x89, 0x50, 0x4E, 0x47);
        study.GetProperty("studyResults").EnumerateArray().Should().Contain(r => r.GetProperty("analyzerId").GetString() == "mammography.positioning.exam");

        // The prostate study: judged as a whole against the PI-RADS v2.1 rule pack.
        var prostate = await service.Http.GetFromJsonAsync<JsonElement>("/api/studies/1.3.6.1.4.1.14519.5.2.1.7310.5101.168933915991866537842042219528");
        var protocol = prostate.GetProperty("studyResults").EnumerateArray().Single(r => r.GetProperty("analyzerId").GetString() == "prostate-mr.protocol");
        protocol.GetProperty("findings").EnumerateArray().Should().Contain(f => f.GetProperty("criterionId").GetString() == "pirads.dwi.b-high" && f.GetProperty("outcome").GetString() == "pass");

        // The rendered image, health, readiness, metrics and the API description.
        var png = await service.Http.GetByteArrayAsync(instance.GetProperty("image").GetString() + "?size=256");
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        (await service.Http.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var metrics = await service.Http.GetStringAsync("/metrics");
        metrics.Should().Contain($"iq_instances_indexed_total {sent.Count}\n").And.Contain("iq_queue_jobs{state=\"dead\"} 0");
        (await service.Http.GetStringAsync("/openapi/v1.json")).Should().Contain("/api/studies/{studyInstanceUid}");
        (await service.Http.GetAsync("/api/studies/1.2.3.no.such")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await service.Http.GetAsync("/api/studies?pageSize=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task After_a_crash_between_store_and_index_a_restart_indexes_the_file_once_and_judges_each_instance_once()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        string[] mammograms = [Path.Combine(TestCorpus.RequireRoot(), "mammo_dicom")];
        var sent = Readable(mammograms);
        await using (var service = await ServiceUnderTest.StartAsync(database, _dataDir))
        {
            (await Storescu.SendAsync(service.DicomPort, mammograms)).ExitCode.Should().Be(0);
            await service.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
        }

        // A file the listener stored but the process died before indexing: it is in the store, not in the index.
        var orphan = Path.Combine(TestCorpus.RequireRoot(), "mr_dwi_vendors");
        var orphanFile = Directory.EnumerateFiles(orphan, "*", SearchOption.AllDirectories).First(p => Readable([p]).Count == 1);
        var orphanUid = Readable([orphanFile]).Single().Key;
        var target = Path.Combine(_dataDir, "store", "crash", "test", orphanUid + ".dcm");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(orphanFile, target);

        await using (var service = await ServiceUnderTest.StartAsync(database, _dataDir))
        {
            await service.WaitUntilIdleAsync(TimeSpan.FromSeconds(60));
            var index = service.Services.GetRequiredService<InstanceIndex>();
            (await index.FindInstanceAsync(orphanUid)).Should().NotBeNull("the restart found the unindexed file");

            var results = service.Services.GetRequiredService<ResultStore>();
            foreach (var sop in sent.Keys)
            {
                var record = await index.FindInstanceAsync(sop);
                var history = await results.GetHistoryAsync(ResultSubject.Instance(sop, record!.StudyInstanceUid));
                history.Where(h => h.AnalyzerId == "mammography.header").Should().HaveCount(record.Modality == "MG" ? 1 : 0, "each instance is judged once, not again at restart");
            }

            var studies = await index.ListStudiesAsync(new StudyQuery(PageSize: 1000));
            studies.Sum(s => s.InstanceCount).Should().Be(sent.Count + 1, "every instance is indexed exactly once");
        }
    }

    [Test]
    public async Task Two_service_instances_on_one_PostgreSQL_share_the_queue_and_do_each_job_once()
    {
        if (provider == StorageProvider.Sqlite)
        {
            Assert.Ignore("An embedded SQLite database belongs to one process; several instances share PostgreSQL");
        }

        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var first = await ServiceUnderTest.StartAsync(database, _dataDir);
        await using var second = await ServiceUnderTest.StartAsync(database, _dataDir);
        string[] mammograms = [Path.Combine(TestCorpus.RequireRoot(), "mammo_dicom")];
        string[] prostate = [Path.Combine(TestCorpus.RequireRoot(), "prostate_mri")];
        var sent = Readable([.. mammograms, .. prostate]);

        var sends = await Task.WhenAll(Storescu.SendAsync(first.DicomPort, mammograms), Storescu.SendAsync(second.DicomPort, prostate));
        sends.Should().OnlyContain(s => s.ExitCode == 0);
        await first.WaitUntilIdleAsync(TimeSpan.FromSeconds(120));
        await second.WaitUntilIdleAsync(TimeSpan.FromSeconds(120));

        await using var connection = await database.Database.OpenConnectionAsync();
        var instanceJobs = (await Dapper.SqlMapper.QueryAsync<(string Subject, string State)>(connection, "SELECT subject, state FROM jobs WHERE kind = 'analyze-instance'")).ToList();
        instanceJobs.Should().HaveCount(sent.Count).And.OnlyContain(j => j.State == "done");
        instanceJobs.Select(j => j.Subject).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(sent.Keys);
        var results = (await Dapper.SqlMapper.QueryAsync<(string Subject, long Revisions)>(connection, "SELECT subject_uid || ' ' || analyzer_id, COUNT(*) FROM analysis_results WHERE scope = 'instance' GROUP BY subject_uid, analyzer_id")).ToList();
        results.Should().NotBeEmpty().And.OnlyContain(r => r.Revisions == 1, "each image is judged once by each analyzer, by one of the two instances");

        var analysed = new[] { first, second }.Select(s => s.Services.GetRequiredService<ServiceMetrics>().Analysed).ToList();
        analysed.Should().OnlyContain(n => n > 0, "both instances took jobs from the shared queue");
    }

    /// <summary>The SOP Instance UIDs (and their studies) of the files under the paths that carry them.</summary>
    private static Dictionary<string, string> Readable(IEnumerable<string> paths)
    {
        var found = new Dictionary<string, string>();
        foreach (var path in paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]))
        {
            try
            {
                var ds = DicomFileReader.Read(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset;
                if (ds.GetString(DicomTag.SOPInstanceUID) is { } sop && ds.GetString(DicomTag.StudyInstanceUID) is { } study && ds.Contains(DicomTag.SeriesInstanceUID))
                {
                    found[sop.Trim()] = study.Trim();
                }
            }
            catch (Exception e) when (e is DicomFormatException or EndOfStreamException or InvalidDataException)
            {
            }
        }

        return found;
    }
}

using ImageQuality.Analysis;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Results;
using ImageQuality.Storage.Tests.Support;

namespace ImageQuality.Storage.Tests.Results;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class ResultStoreTests(StorageProvider provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Test]
    public async Task Findings_are_kept_whole_with_the_analyzer_and_model_that_made_them()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ResultStore(db.Database, new ManualClock());
        var overlay = new OverlayGeometry([new OverlayShape(OverlayShapeKind.Polyline, [new(10.5, 20), new(30, 40.25)], "PNL")]);
        Finding[] findings =
        [
            new("mg.pnl", FindingOutcome.Fail, "Pectoral muscle short of the PNL by 12 mm", 12.0, "mm", "≤ 0 mm", 0.87, "1.2.3.1", overlay),
            new("mg.header.operator", FindingOutcome.NotAssessable, "No technologist recorded"),
        ];

        (await store.SaveAsync(ResultSubject.Instance("1.2.3.1", "1.2.3"), [new("mammography.positioning", "2.1", new AnalysisResult(findings, "pnl-unet-3"))])).Should().BeTrue();

        var result = (await store.GetCurrentForStudyAsync("1.2.3")).Single();
        result.Should().BeEquivalentTo(new { Scope = ResultScope.Instance, SubjectUid = "1.2.3.1", AnalyzerId = "mammography.positioning", AnalyzerVersion = "2.1", ModelVersion = "pnl-unet-3", Revision = 1, IsCurrent = true });
        result.Findings.Should().BeEquivalentTo(findings, o => o.WithStrictOrdering());
    }

    [Test]
    public async Task A_new_judgement_adds_a_revision_and_keeps_the_old_one()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = new ResultStore(db.Database, new ManualClock());
        var subject = ResultSubject.Study("1.2.3");
        for (var i = 1; i <= 3; i++)
        {
            await store.SaveAsync(subject, [new("mammography.exam", $"1.{i}", new AnalysisResult([new("mg.cc-mlo", FindingOutcome.Pass, $"run {i}")]))]);
        }

        var current = (await store.GetCurrentForStudyAsync("1.2.3")).Single();
        current.Revision.Should().Be(3);
        current.Findings.Single().Message.Should().Be("run 3");
        var history = await store.GetHistoryAsync(subject);
        history.Select(h => (h.Revision, h.IsCurrent, h.AnalyzerVersion)).Should().Equal((3, true, "1.3"), (2, false, "1.2"), (1, false, "1.1"));
    }

    [Test]
    public async Task Results_for_a_job_are_saved_once_and_only_by_the_worker_holding_its_lease()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        var store = new ResultStore(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "1.2.3.1", clock.GetUtcNow()));
        var slow = await queue.TryLeaseAsync("slow", Lease);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var fast = await queue.TryLeaseAsync("fast", Lease);
        AnalyzerOutput[] outputs = [new("mammography.header", "1.0", new AnalysisResult([new("mg.header.operator", FindingOutcome.Pass, "ok")]))];

        (await store.SaveAsync(ResultSubject.Instance("1.2.3.1", "1.2.3"), outputs, fast)).Should().BeTrue();
        (await store.SaveAsync(ResultSubject.Instance("1.2.3.1", "1.2.3"), outputs, slow)).Should().BeFalse("its lease was taken over");
        (await store.SaveAsync(ResultSubject.Instance("1.2.3.1", "1.2.3"), outputs, fast)).Should().BeFalse("the job is already done");

        (await store.GetHistoryAsync(ResultSubject.Instance("1.2.3.1", "1.2.3"))).Should().ContainSingle();
        (await queue.GetStatisticsAsync()).Done.Should().Be(1);
    }
}

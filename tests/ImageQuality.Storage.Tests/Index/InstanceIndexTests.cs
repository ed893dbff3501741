using ImageQuality.Storage.Database;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Tests.Support;

namespace ImageQuality.Storage.Tests.Index;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class InstanceIndexTests(StorageProvider provider)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task An_exam_is_indexed_with_its_study_and_series_and_read_back_whole()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (index, _) = Create(db);

        foreach (var record in Records.ScreeningExam("1.2.3.4444", Start))
        {
            (await index.AddAsync(record, [])).Should().Be(IndexOutcome.Added);
        }

        var instances = await index.GetStudyInstancesAsync("1.2.3.4444");
        instances.Should().HaveCount(4);
        instances[0].Should().BeEquivalentTo(Records.Mammogram("1.2.3.4444", "CC", "R", 1, Start));
        instances.Select(i => i.ViewPosition + i.ImageLaterality).Should().Equal("CCR", "CCL", "MLOR", "MLOL");

        var study = (await index.ListStudiesAsync(new StudyQuery())).Single();
        study.InstanceCount.Should().Be(4);
        study.Modalities.Should().Equal("MG");
        study.PatientName.Should().Be("Doe^Jane");
    }

    [Test]
    public async Task The_same_instance_again_is_kept_once_and_queues_nothing_unless_replaced()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (index, queue) = Create(db);
        var record = Records.Mammogram("1.2.3.5555", "CC", "R", 1, Start);
        JobRequest[] jobs = [new("analyze-instance", record.SopInstanceUid, Start)];

        (await index.AddAsync(record, jobs)).Should().Be(IndexOutcome.Added);
        (await queue.TryLeaseAsync("w", TimeSpan.FromMinutes(1))).Should().NotBeNull();
        (await index.AddAsync(record with { FileSize = 1 }, jobs)).Should().Be(IndexOutcome.AlreadyIndexed);
        (await queue.TryLeaseAsync("w", TimeSpan.FromMinutes(1))).Should().BeNull("a duplicate queues no job");
        (await index.FindInstanceAsync(record.SopInstanceUid))!.FileSize.Should().Be(record.FileSize, "the first copy is kept");

        (await index.AddAsync(record with { FileSize = 2 }, jobs, replaceExisting: true)).Should().Be(IndexOutcome.Replaced);
        (await index.FindInstanceAsync(record.SopInstanceUid))!.FileSize.Should().Be(2);
        (await queue.TryLeaseAsync("w", TimeSpan.FromMinutes(1))).Should().NotBeNull("a replaced instance is analysed again");
        (await index.ListStudiesAsync(new StudyQuery())).Single().InstanceCount.Should().Be(1);
    }

    [Test]
    public async Task Studies_list_newest_first_in_pages_and_filter_by_modality_and_patient()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (index, _) = Create(db);
        for (var i = 0; i < 7; i++)
        {
            var modality = i % 2 == 0 ? "MG" : "MR";
            await index.AddAsync(Records.Mammogram($"1.2.3.{1000 + i}", "CC", "R", 1, Start.AddMinutes(i), modality), []);
        }

        await index.AddAsync(Records.Mammogram("1.2.3.1000", "CC", "R", 2, Start, "SR"), []);

        var first = await index.ListStudiesAsync(new StudyQuery(Page: 0, PageSize: 3));
        first.Select(s => s.StudyInstanceUid).Should().Equal("1.2.3.1006", "1.2.3.1005", "1.2.3.1004");
        var last = await index.ListStudiesAsync(new StudyQuery(Page: 2, PageSize: 3));
        last.Select(s => s.StudyInstanceUid).Should().Equal("1.2.3.1000");
        last[0].Modalities.Should().Equal("MG", "SR");

        (await index.ListStudiesAsync(new StudyQuery(Modality: "MR"))).Should().HaveCount(3);
        (await index.ListStudiesAsync(new StudyQuery(Modality: "SR"))).Should().ContainSingle();
        (await index.ListStudiesAsync(new StudyQuery(Modality: "M"))).Should().BeEmpty("a modality matches whole, not as a prefix");
        (await index.ListStudiesAsync(new StudyQuery(PatientId: "P-1003"))).Should().ContainSingle();
        (await index.ListStudiesAsync(new StudyQuery(ReceivedSince: Start.AddMinutes(5)))).Should().HaveCount(2);
    }

    [Test]
    public async Task Indexing_and_queuing_commit_together()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (index, queue) = Create(db);
        var record = Records.Mammogram("1.2.3.6666", "CC", "R", 1, Start);

        // A job request the database refuses (max attempts below one) fails the whole transaction.
        var act = () => index.AddAsync(record, [new("analyze-instance", record.SopInstanceUid, Start, MaxAttempts: 0)]);
        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();

        (await index.FindInstanceAsync(record.SopInstanceUid)).Should().BeNull("the instance row rolled back with the failed job");
        (await queue.GetStatisticsAsync()).Pending.Should().Be(0);
        (await index.AddAsync(record, [new("analyze-instance", record.SopInstanceUid, Start)])).Should().Be(IndexOutcome.Added);
    }

    private static (InstanceIndex Index, JobQueue Queue) Create(TestDatabase db)
    {
        var queue = new JobQueue(db.Database, new ManualClock());
        return (new InstanceIndex(db.Database, queue), queue);
    }
}

using System.Collections.Concurrent;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Tests.Support;

namespace ImageQuality.Storage.Tests.Queue;

[TestFixtureSource(typeof(TestDatabase), nameof(TestDatabase.Providers))]
public sealed class JobQueueTests(StorageProvider provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Test]
    public async Task A_job_is_leased_when_due_and_completed_once()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "1.2.3", clock.GetUtcNow().AddSeconds(10)));

        (await queue.TryLeaseAsync("w1", Lease)).Should().BeNull("it is not due yet");
        clock.Advance(TimeSpan.FromSeconds(10));
        var job = await queue.TryLeaseAsync("w1", Lease);
        job.Should().NotBeNull();
        job!.Attempt.Should().Be(1);
        (await queue.TryLeaseAsync("w2", Lease)).Should().BeNull("a leased job is not handed out twice");
        (await queue.CompleteAsync(job)).Should().BeTrue();
        (await queue.CompleteAsync(job)).Should().BeFalse("completing twice is refused");
        (await queue.GetStatisticsAsync()).Should().Be(new QueueStatistics(0, 0, 0, 1, 0, null));
    }

    [Test]
    public async Task A_study_settles_once_after_its_last_instance()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        var settle = TimeSpan.FromSeconds(60);
        for (var i = 0; i < 4; i++)
        {
            await queue.EnqueueAsync(new JobRequest("analyze-study", "1.2.3", clock.GetUtcNow() + settle));
            clock.Advance(TimeSpan.FromSeconds(20));
        }

        (await queue.GetStatisticsAsync()).Pending.Should().Be(1, "later arrivals push the one waiting job back");
        // Last instance at 60 s, now 80 s: due at 120 s.
        clock.Advance(TimeSpan.FromSeconds(39));
        (await queue.TryLeaseAsync("w", Lease)).Should().BeNull("the study has not been quiet for the settle time");
        clock.Advance(TimeSpan.FromSeconds(1));
        var job = await queue.TryLeaseAsync("w", Lease);
        job!.Subject.Should().Be("1.2.3");

        // A complete exam is judged at once rather than after the settle time.
        await queue.EnqueueAsync(new JobRequest("analyze-study", "4.5.6", clock.GetUtcNow() + settle));
        await queue.EnqueueAsync(new JobRequest("analyze-study", "4.5.6", clock.GetUtcNow(), Expedite: true));
        (await queue.TryLeaseAsync("w", Lease, ["analyze-study"]))!.Subject.Should().Be("4.5.6");

        // A late arrival while the study is being judged queues a fresh judgement rather than being lost.
        await queue.EnqueueAsync(new JobRequest("analyze-study", "1.2.3", clock.GetUtcNow() + settle));
        (await queue.CompleteAsync(job)).Should().BeTrue();
        clock.Advance(settle);
        (await queue.TryLeaseAsync("w", Lease)).Should().NotBeNull();
    }

    [Test]
    public async Task Failures_retry_with_back_off_then_go_to_the_dead_letter_with_the_error()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "1.2.3", clock.GetUtcNow(), MaxAttempts: 3));

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var job = await queue.TryLeaseAsync("w", Lease);
            job!.Attempt.Should().Be(attempt);
            (await queue.FailAsync(job, $"timeout {attempt}", TimeSpan.FromSeconds(30))).Should().BeTrue();
            (await queue.TryLeaseAsync("w", Lease)).Should().BeNull("the retry waits for its back-off");
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        (await queue.TryLeaseAsync("w", Lease)).Should().BeNull();
        var dead = (await queue.GetDeadLettersAsync()).Single();
        dead.Should().BeEquivalentTo(new { Kind = "analyze-instance", Subject = "1.2.3", Attempts = 3, LastError = "timeout 3" });
    }

    [Test]
    public async Task A_permanent_error_goes_to_the_dead_letter_at_once()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var queue = new JobQueue(db.Database, new ManualClock());
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "1.2.3", DateTimeOffset.MinValue.AddYears(2000)));

        var job = await queue.TryLeaseAsync("w", Lease);
        (await queue.FailAsync(job!, "not a DICOM file", retryAfter: null)).Should().BeTrue();
        (await queue.GetStatisticsAsync()).Dead.Should().Be(1);
    }

    [Test]
    public async Task A_job_whose_worker_died_is_taken_again_after_its_lease_and_the_old_worker_cannot_complete_it()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "1.2.3", clock.GetUtcNow()));

        var first = await queue.TryLeaseAsync("dead-worker", Lease);
        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        (await queue.TryLeaseAsync("w2", Lease)).Should().BeNull("the lease still holds");
        (await queue.RenewLeaseAsync(first!, Lease)).Should().BeTrue();
        clock.Advance(Lease + TimeSpan.FromSeconds(1));

        var second = await queue.TryLeaseAsync("w2", Lease);
        second!.Id.Should().Be(first!.Id);
        second.Attempt.Should().Be(2);
        (await queue.CompleteAsync(first)).Should().BeFalse("the first worker lost its lease");
        (await queue.RenewLeaseAsync(first, Lease)).Should().BeFalse();
        (await queue.CompleteAsync(second)).Should().BeTrue();
    }

    [Test]
    public async Task A_job_that_keeps_killing_its_worker_ends_in_the_dead_letter()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "poison", clock.GetUtcNow(), MaxAttempts: 2));

        for (var i = 0; i < 2; i++)
        {
            (await queue.TryLeaseAsync($"w{i}", Lease)).Should().NotBeNull();
            clock.Advance(Lease + TimeSpan.FromSeconds(1));
        }

        (await queue.TryLeaseAsync("w9", Lease)).Should().BeNull();
        (await queue.GetDeadLettersAsync()).Single().LastError.Should().Contain("abandoned 2 times");
    }

    [Test]
    public async Task Workers_in_several_processes_do_each_job_exactly_once()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        const int jobCount = 300;
        var queue = new JobQueue(db.Database);
        for (var i = 0; i < jobCount; i++)
        {
            await queue.EnqueueAsync(new JobRequest(i % 2 == 0 ? "analyze-instance" : "analyze-study", $"1.2.{i}", DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        // One IndexDatabase per "service instance": its own connection pool, as separate processes would have.
        var done = new ConcurrentBag<string>();
        var instances = Enumerable.Range(0, 4).Select(_ => IndexDatabase.Open(db.ConnectionString)).ToList();
        try
        {
            var workers = instances.SelectMany((instance, n) => Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
            {
                var own = new JobQueue(instance);
                while (await own.TryLeaseAsync($"instance{n}-worker{w}", Lease) is { } job)
                {
                    if (await own.CompleteAsync(job))
                    {
                        done.Add(job.Subject);
                    }
                }
            })));
            await Task.WhenAll(workers);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }

        done.Should().HaveCount(jobCount).And.OnlyHaveUniqueItems();
        (await queue.GetStatisticsAsync()).Done.Should().Be(jobCount);
    }

    [Test]
    public async Task Workers_can_take_only_the_kinds_they_run()
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = new ManualClock();
        var queue = new JobQueue(db.Database, clock);
        await queue.EnqueueAsync(new JobRequest("analyze-study", "s", clock.GetUtcNow()));
        await queue.EnqueueAsync(new JobRequest("analyze-instance", "i", clock.GetUtcNow()));

        (await queue.TryLeaseAsync("w", Lease, ["analyze-instance"]))!.Subject.Should().Be("i");
        (await queue.TryLeaseAsync("w", Lease, ["analyze-instance"])).Should().BeNull();
        (await queue.TryLeaseAsync("w", Lease, ["analyze-study", "other"]))!.Subject.Should().Be("s");
    }
}

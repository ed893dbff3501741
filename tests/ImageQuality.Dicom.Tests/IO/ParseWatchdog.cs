namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Runs parses one at a time on a worker thread of its own, so that each can be given a time limit and its
/// allocations counted (<see cref="GC.GetAllocatedBytesForCurrentThread"/> counts the worker's alone). A parse
/// that overruns leaves its worker behind (a thread cannot be aborted); the next parse gets a new one.
/// </summary>
internal sealed class ParseWatchdog : IDisposable
{
    private Worker _worker = new();

    public readonly record struct Outcome(bool TimedOut, Exception? Exception, long AllocatedBytes, TimeSpan Elapsed);

    public Outcome Run(Action parse, TimeSpan limit)
    {
        Worker worker = _worker;
        worker.Start(parse);
        if (!worker.Done.Wait(limit))
        {
            worker.Abandon();
            _worker = new Worker();
            return new Outcome(true, null, 0, limit);
        }

        return worker.Result;
    }

    public void Dispose() => _worker.Abandon();

    private sealed class Worker
    {
        private readonly SemaphoreSlim _go = new(0);
        private volatile bool _abandoned;
        private Action? _job;

        public Worker()
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = "fuzz parse" };
            thread.Start();
        }

        public ManualResetEventSlim Done { get; } = new();

        public Outcome Result { get; private set; }

        public void Start(Action job)
        {
            Done.Reset();
            _job = job;
            _go.Release();
        }

        public void Abandon()
        {
            _abandoned = true;
            _go.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                if (_abandoned)
                {
                    return;
                }

                Action job = _job!;
                Exception? failure = null;
                long before = GC.GetAllocatedBytesForCurrentThread();
                long start = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    job();
                }
                catch (Exception e)
                {
                    failure = e;
                }

                Result = new Outcome(false, failure, GC.GetAllocatedBytesForCurrentThread() - before, System.Diagnostics.Stopwatch.GetElapsedTime(start));
                Done.Set();
            }
        }
    }
}

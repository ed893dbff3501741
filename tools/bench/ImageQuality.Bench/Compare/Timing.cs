using System.Diagnostics;

namespace ImageQuality.Bench.Compare;

/// <summary>The best of several rounds, each parsing <see cref="Files"/> files <see cref="Repetitions"/> times.</summary>
internal readonly record struct Timing(double BestRoundSeconds, int Repetitions, int Files)
{
    public double PerFileSeconds => BestRoundSeconds / ((double)Repetitions * Files);

    /// <summary>Warms up, picks a repetition count so a round lasts at least <paramref name="minRoundSeconds"/>, keeps the best round.</summary>
    public static Timing InProcess(Func<int> pass, int files, int rounds, double minRoundSeconds)
    {
        int sink = pass();
        long start = Stopwatch.GetTimestamp();
        sink += pass();
        double single = Stopwatch.GetElapsedTime(start).TotalSeconds;
        int repetitions = single > 0 ? Math.Max(1, (int)Math.Ceiling(minRoundSeconds / single)) : 1;

        double best = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            start = Stopwatch.GetTimestamp();
            for (int i = 0; i < repetitions; i++)
            {
                sink += pass();
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        GC.KeepAlive(sink);
        return new Timing(best, repetitions, files);
    }

    /// <summary>Rounds of something that runs once per round (a process); null if any round failed.</summary>
    public static Timing? Rounds(Func<bool> round, int files, int rounds)
    {
        double best = double.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            long start = Stopwatch.GetTimestamp();
            if (!round())
            {
                return null;
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }

        return new Timing(best, 1, files);
    }
}

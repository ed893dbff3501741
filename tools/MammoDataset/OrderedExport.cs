using System.Diagnostics;
using System.Globalization;
using ImageQuality.Samples.Mammography.Dataset;

namespace MammoDataset;

/// <summary>
/// Makes samples on a few threads and appends them in index order (the files' order is meta.jsonl's), reporting
/// progress on stderr.
/// </summary>
internal static class OrderedExport
{
    public static void Run(LandmarkDatasetWriter writer, int count, int threads, Func<int, LandmarkSample?> make, string verb)
    {
        var clock = Stopwatch.StartNew();
        int batch = Math.Max(threads * 8, 16);
        var results = new LandmarkSample?[batch];
        TimeSpan lastReport = TimeSpan.Zero;
        for (int start = 0; start < count; start += batch)
        {
            int size = Math.Min(batch, count - start);
            Parallel.For(0, size, new ParallelOptions { MaxDegreeOfParallelism = threads }, k => results[k] = make(start + k));
            for (int k = 0; k < size; k++)
            {
                if (results[k] is { } sample)
                {
                    writer.Append(sample);
                }
            }

            int done = start + size;
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(2) || done == count)
            {
                lastReport = clock.Elapsed;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{verb}: {done}/{count} ({writer.Count} written), {done / Math.Max(clock.Elapsed.TotalSeconds, 1e-6):0.0} samples/s"));
            }
        }
    }
}

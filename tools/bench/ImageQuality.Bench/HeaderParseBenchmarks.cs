using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ImageQuality.Bench;

/// <summary>
/// Header-only parse (<c>StopBeforePixelData</c>) of the corpus, of the GH133 mammogram and of a large synthetic
/// file, plus a full parse of the large file that leaves values over 64 KiB in the file. A short job keeps the
/// whole run to about a minute on a small machine; min and median sit beside the mean because on a shared
/// machine the mean is what other processes disturb most.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class HeaderParseBenchmarks
{
    private List<string> _corpus = [];
    private string _mammogram = string.Empty;
    private string _large = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = BenchFiles.ParsableCorpusFiles();
        _mammogram = BenchFiles.Mammogram ?? string.Empty;
        _large = SyntheticLargeFile.FromEnvironmentOrCreate();
    }

    /// <summary>All parsable corpus files as one operation; the Per file column divides by their number.</summary>
    [Benchmark(Description = "Corpus, header only (all files)")]
    public int CorpusHeaders() => HeaderParse.ParseAll(_corpus);

    [Benchmark(Description = "GH133 mammogram, header only")]
    public int MammogramHeader() => HeaderParse.Parse(_mammogram);

    [Benchmark(Description = "Large file, header only")]
    public int LargeFileHeader() => HeaderParse.Parse(_large);

    [Benchmark(Description = "Large file, full, defer > 64 KiB")]
    public int LargeFileDeferred() => HeaderParse.ParseDeferred(_large);
}

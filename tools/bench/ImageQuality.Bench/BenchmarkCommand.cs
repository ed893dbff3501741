using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ImageQuality.Bench;

/// <summary>Runs <see cref="HeaderParseBenchmarks"/>; extra arguments go to BenchmarkDotNet (e.g. --filter).</summary>
internal static class BenchmarkCommand
{
    public static int Run(string[] args)
    {
        int corpusFiles = BenchFiles.ParsableCorpusFiles().Count;
        // In-process: generating and building a separate benchmark project takes minutes on a small, busy
        // machine (and timed out at BenchmarkDotNet's 2-minute limit); the host is already a Release build.
        IConfig config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator())
            .AddColumn(new PerFileColumn(corpusFiles));
        if (corpusFiles == 0)
        {
            Console.WriteLine("The corpus (../shared/corpus beside the repository) is absent: only the large-file benchmarks run.");
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name.StartsWith("LargeFile", StringComparison.Ordinal)));
        }
        else if (BenchFiles.Mammogram is null)
        {
            Console.WriteLine($"{BenchFiles.MammogramRelative} is absent from the corpus: its benchmark is skipped.");
            config = config.AddFilter(new SimpleFilter(b => b.Descriptor.WorkloadMethod.Name != nameof(HeaderParseBenchmarks.MammogramHeader)));
        }

        // Made once here and handed to the child processes BenchmarkDotNet starts, which inherit the environment.
        int sizeMiB = SyntheticLargeFile.SizeFromEnvironment();
        string large = SyntheticLargeFile.Create(sizeMiB);
        Environment.SetEnvironmentVariable(SyntheticLargeFile.PathVariable, large);
        Console.WriteLine($"Large file: {large} ({new FileInfo(large).Length / (1024.0 * 1024.0):0} MiB; set {SyntheticLargeFile.SizeVariable} to change)");
        Console.WriteLine($"Corpus: {corpusFiles} parsable files");

        try
        {
            Summary summary = BenchmarkRunner.Run<HeaderParseBenchmarks>(config, args);
            return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
        }
        finally
        {
            File.Delete(large);
        }
    }
}

using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ImageQuality.Bench;

/// <summary>The mean of the whole-corpus benchmark divided by its number of files; blank for single-file benchmarks.</summary>
internal sealed class PerFileColumn(int corpusFiles) : IColumn
{
    public string Id => nameof(PerFileColumn);

    public string ColumnName => "Per file";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Mean divided by the {corpusFiles} corpus files parsed per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(HeaderParseBenchmarks.CorpusHeaders) || corpusFiles == 0)
        {
            return "-";
        }

        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is { } ns ? FormatMicroseconds(ns / corpusFiles) : "NA";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public static string FormatMicroseconds(double nanoseconds) =>
        (nanoseconds / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " μs";
}

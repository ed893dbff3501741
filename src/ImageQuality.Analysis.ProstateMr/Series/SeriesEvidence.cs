using ImageQuality.Analysis.ProstateMr.Headers;
using ImageQuality.Analysis.ProstateMr.Parameters;

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>The header facts of a whole series, gathered from its frames, that the classification rules read.</summary>
internal sealed record SeriesEvidence
{
    public required IReadOnlyList<MrFrame> Frames { get; init; }

    public required HashSet<string> ImageType { get; init; }

    public required HashSet<string> ScanningSequence { get; init; }

    public required HashSet<string> SequenceVariant { get; init; }

    public required HashSet<string> SequenceNames { get; init; }

    public required HashSet<string> EchoPulseSequence { get; init; }

    public required HashSet<string> AcquisitionContrast { get; init; }

    public required HashSet<string> DiffusionDirectionality { get; init; }

    /// <summary>Distinct b-values read, ascending.</summary>
    public required IReadOnlyList<double> BValues { get; init; }

    public double? EchoTime { get; init; }

    public double? RepetitionTime { get; init; }

    public required IReadOnlyList<ImagePlane> Planes { get; init; }

    public PlaneOrientation? Orientation { get; init; }

    public required DynamicTiming Timing { get; init; }

    public bool ContrastAgent { get; init; }

    public bool EchoPlanar { get; init; }

    public string? Description { get; init; }

    public static SeriesEvidence Of(IReadOnlyList<MrFrame> frames)
    {
        static HashSet<string> Set(IEnumerable<string?> values) => [.. values.Where(v => v is not null).Select(v => v!.ToUpperInvariant())];

        var orientations = frames.Where(f => f.Orientation is not null).Select(f => f.Orientation!.Value).ToList();
        var scanning = Set(frames.SelectMany(f => f.ScanningSequence));
        return new SeriesEvidence
        {
            Frames = frames,
            ImageType = Set(frames.SelectMany(f => f.ImageType)),
            ScanningSequence = scanning,
            SequenceVariant = Set(frames.SelectMany(f => f.SequenceVariant)),
            SequenceNames = [.. frames.Select(f => f.SequenceName).Where(n => n is not null).Select(n => n!)],
            EchoPulseSequence = Set(frames.Select(f => f.EchoPulseSequence)),
            AcquisitionContrast = Set(frames.Select(f => f.AcquisitionContrast)),
            DiffusionDirectionality = Set(frames.Select(f => f.DiffusionDirectionality)),
            BValues = [.. frames.Where(f => f.BValue is not null).Select(f => f.BValue!.Value.Value).Distinct().Order()],
            EchoTime = Median(frames.Select(f => f.EchoTime)),
            RepetitionTime = Median(frames.Select(f => f.RepetitionTime)),
            Planes = [.. orientations.Select(o => o.Plane).Distinct()],
            Orientation = orientations.GroupBy(o => o.Plane).OrderByDescending(g => g.Count()).FirstOrDefault()?.First(),
            Timing = DynamicTiming.Of(frames),
            ContrastAgent = frames.Any(f => f.ContrastAgent),
            EchoPlanar = scanning.Contains("EP") || frames.Any(f => f.EchoPlanarPulseSequence == "YES"),
            Description = frames[0].SeriesDescription,
        };
    }

    public bool IsSpinEcho => ScanningSequence.Contains("SE") || EchoPulseSequence.Contains("SPIN");

    public bool IsGradientEcho => ScanningSequence.Contains("GR") || EchoPulseSequence.Contains("GRADIENT");

    /// <summary>The series description, lower case, for the last-resort hints.</summary>
    public string Hint => Description?.ToLowerInvariant() ?? "";

    internal static double? Median(IEnumerable<double?> values)
    {
        List<double> list = [.. values.Where(v => v is not null).Select(v => v!.Value).Order()];
        return list.Count == 0 ? null : list[list.Count / 2];
    }
}

using System.Globalization;
using ImageQuality.Analysis.ProstateMr.Headers;

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>
/// Identifies every MR series of a study: each on its own first (<see cref="SeriesClassifier"/>), then the rules
/// that need the other series — a single high b-value computed from a multi-b DWI beside it, and DCE time points
/// stored one series each.
/// </summary>
internal sealed class StudySeriesIdentifier
{
    private readonly SeriesClassifier _classifier;

    public StudySeriesIdentifier(SeriesClassifier classifier) => _classifier = classifier;

    public IReadOnlyList<IdentifiedSeries> Identify(IEnumerable<InstanceContext> instances)
    {
        var bySeries = new Dictionary<string, List<MrFrame>>(StringComparer.Ordinal);
        foreach (InstanceContext instance in instances)
        {
            foreach (MrFrame frame in MrFrameReader.Read(instance))
            {
                if (!bySeries.TryGetValue(frame.SeriesInstanceUid, out List<MrFrame>? list))
                {
                    bySeries[frame.SeriesInstanceUid] = list = [];
                }

                list.Add(frame);
            }
        }

        List<IdentifiedSeries> series = [.. bySeries.Values
            .Select(frames => SeriesEvidence.Of(frames))
            .Select(e => new IdentifiedSeries(e, _classifier.Classify(e)))
            .OrderBy(s => s.SeriesNumber ?? int.MaxValue)
            .ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)];

        MarkCalculatedBesideAcquired(series);
        GroupDynamics(series);
        return series;
    }

    /// <summary>
    /// A DWI series with a single b-value above every b-value of a multi-b DWI of the same slices, echo and
    /// repetition time, whose images were made while that DWI was being acquired, was computed from it: an acquired
    /// high-b series has acquisition times of its own (and usually a longer echo time).
    /// </summary>
    private static void MarkCalculatedBesideAcquired(List<IdentifiedSeries> series)
    {
        var acquired = series.Where(s => s.Type == SeriesType.Dwi && s.Evidence.BValues.Count >= 2).ToList();
        // Also confirms a call the description alone made ("CALC" in SeriesDescription), with the header evidence.
        foreach (IdentifiedSeries candidate in series.Where(s => s.Evidence.BValues.Count == 1
            && (s.Type == SeriesType.Dwi || (s.Type == SeriesType.DwiCalculated && s.Classification.Confidence < 0.85))))
        {
            double b = candidate.Evidence.BValues[0];
            IdentifiedSeries? source = acquired.FirstOrDefault(a => a != candidate && a.Evidence.BValues[^1] < b
                && SameSlices(a, candidate) && Same(a.Evidence.EchoTime, candidate.Evidence.EchoTime)
                && Same(a.Evidence.RepetitionTime, candidate.Evidence.RepetitionTime) && AcquiredWithin(candidate, a));
            if (source is not null)
            {
                candidate.Classification = new SeriesClassification(SeriesType.DwiCalculated, 0.85,
                    [.. candidate.Classification.Reasons, string.Create(CultureInfo.InvariantCulture,
                        $"b={b} beyond the b-values of series {source.SeriesNumber}, same slices, TE and TR, made during its acquisition: computed from it")]);
            }
        }
    }

    /// <summary>
    /// Single-time-point T1 gradient echo series with the same sequence, geometry and timing are the time points of
    /// one dynamic acquisition when together they reach the minimum number of time points.
    /// </summary>
    private void GroupDynamics(List<IdentifiedSeries> series)
    {
        foreach (IdentifiedSeries dce in series.Where(s => s.Type == SeriesType.Dce))
        {
            dce.Dynamic = new DynamicAcquisition([dce]);
        }

        var candidates = series.Where(s => s.Type == SeriesType.Other && s.Evidence.IsGradientEcho
            && s.Evidence.RepetitionTime < _classifier.Options.DceMaximumRepetitionTimeMs && s.Evidence.Timing.TimePoints == 1);
        foreach (var group in candidates.GroupBy(DynamicSignature))
        {
            List<IdentifiedSeries> members = [.. group.OrderBy(s => s.FirstAcquired ?? DateTime.MaxValue).ThenBy(s => s.SeriesNumber)];
            if (members.Count < 2)
            {
                continue;
            }

            var acquisition = new DynamicAcquisition(members);
            if (acquisition.Timing.TimePoints < _classifier.Options.DceMinimumTimePoints)
            {
                continue;
            }

            string numbers = string.Join(", ", members.Select(m => m.SeriesNumber));
            for (int i = 0; i < members.Count; i++)
            {
                IdentifiedSeries m = members[i];
                m.Dynamic = acquisition;
                m.Classification = new SeriesClassification(SeriesType.Dce, m.Evidence.ContrastAgent ? 0.95 : 0.9,
                    [.. m.Classification.Reasons.Take(1), $"time point {i + 1} of {members.Count} of one dynamic acquisition stored as series {numbers} (same sequence, slices and timing; acquisition times differ)"]);
            }
        }
    }

    private static string DynamicSignature(IdentifiedSeries s)
    {
        MrFrame f = s.Frames[0];
        string locations = string.Join(";", s.Frames.Select(x => x.Location is { } l ? Math.Round(l, 1) : double.NaN).Distinct().Order().Select(l => l.ToString("F1", CultureInfo.InvariantCulture)));
        string orientation = s.Evidence.Orientation is { } o ? string.Create(CultureInfo.InvariantCulture, $"{o.NormalX:F3},{o.NormalY:F3},{o.NormalZ:F3}") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{f.SequenceName}|{f.Rows}x{f.Columns}|{s.Evidence.RepetitionTime:F2}|{s.Evidence.EchoTime:F2}|{f.FlipAngle:F0}|{orientation}|{locations}");
    }

    private static bool SameSlices(IdentifiedSeries a, IdentifiedSeries b)
    {
        static HashSet<double> Locations(IdentifiedSeries s) => [.. s.Frames.Where(f => f.Location is not null).Select(f => Math.Round(f.Location!.Value, 1))];

        HashSet<double> la = Locations(a);
        return la.Count > 0 && la.SetEquals(Locations(b));
    }

    private static bool Same(double? a, double? b) => a is { } x && b is { } y && Math.Abs(x - y) < 0.01;

    private static bool AcquiredWithin(IdentifiedSeries candidate, IdentifiedSeries source)
    {
        var times = source.Frames.Where(f => f.AcquisitionDateTime is not null).Select(f => f.AcquisitionDateTime!.Value).ToList();
        var own = candidate.Frames.Where(f => f.AcquisitionDateTime is not null).Select(f => f.AcquisitionDateTime!.Value).ToList();
        return times.Count > 0 && own.Count > 0 && own.All(t => t >= times.Min() && t <= times.Max());
    }
}

using ImageQuality.Analysis.ProstateMr.Headers;

namespace ImageQuality.Analysis.ProstateMr.Parameters;

/// <summary>
/// The time points of a dynamic acquisition. Temporal resolution is the time between successive acquisitions of the
/// same slice location: the frames are grouped by their position along the slice normal, each location's time
/// stamps are ordered, and the median of all successive differences is taken (robust to a longer first reference
/// frame, as view-sharing sequences such as TWIST have). Observation is the longest span, first to last time point,
/// of any location: the time covered by images, never credited with time after the last one.
/// </summary>
internal sealed record DynamicTiming(int TimePoints, IReadOnlyList<double> IntervalsSeconds, double? TemporalResolutionSeconds, double? ObservationSeconds)
{
    public static DynamicTiming Of(IEnumerable<MrFrame> frames)
    {
        var byLocation = frames.GroupBy(f => f.Location is { } l ? Math.Round(l, 1) : double.NaN);
        int timePoints = 0;
        var intervals = new List<double>();
        double? observation = null;
        foreach (var location in byLocation)
        {
            List<MrFrame> at = [.. location];
            int count = at.Select(TimeKey).Distinct().Count();
            timePoints = Math.Max(timePoints, count);
            if (Seconds(at, count) is not { Count: >= 2 } seconds)
            {
                continue;
            }

            for (int i = 1; i < seconds.Count; i++)
            {
                intervals.Add(seconds[i] - seconds[i - 1]);
            }

            observation = Math.Max(observation ?? 0, seconds[^1] - seconds[0]);
        }

        return new DynamicTiming(timePoints, intervals, Median(intervals), observation);
    }

    /// <summary>
    /// What tells one time point from another: the temporal position when the sender numbered them, else the
    /// acquisition time, else the trigger time.
    /// </summary>
    private static object TimeKey(MrFrame f) =>
        (object?)f.TemporalPosition ?? (object?)f.AcquisitionDateTime ?? (object?)f.TriggerTime ?? f.Instance.SopInstanceUid;

    /// <summary>
    /// Time stamps of one location in seconds, ascending, from acquisition times when they tell every time point
    /// apart, else from trigger times; null when neither does.
    /// </summary>
    private static List<double>? Seconds(List<MrFrame> at, int timePoints)
    {
        // Ticks are subtracted before scaling: seconds since year 1 as a double keep only ~10 µs.
        List<long> acquired = [.. at.Where(f => f.AcquisitionDateTime is not null).Select(f => f.AcquisitionDateTime!.Value.Ticks).Distinct().Order()];
        if (acquired.Count == timePoints)
        {
            return [.. acquired.Select(t => (t - acquired[0]) / (double)TimeSpan.TicksPerSecond)];
        }

        List<double> triggered = [.. at.Where(f => f.TriggerTime is not null).Select(f => f.TriggerTime!.Value / 1000).Distinct().Order()];
        return triggered.Count == timePoints ? triggered : null;
    }

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}

using ImageQuality.Analysis.ProstateMr.Headers;

namespace ImageQuality.Analysis.ProstateMr.Parameters;

/// <summary>
/// Measures the protocol parameters of a series (or of a dynamic acquisition's frames) from headers. A value the
/// headers do not give is left out, so that a rule finds it missing and says so rather than passing.
/// </summary>
internal static class SeriesParameterMeasurer
{
    public static Dictionary<ProtocolParameter, double> Measure(IReadOnlyList<MrFrame> frames, DynamicTiming? timing)
    {
        var p = new Dictionary<ProtocolParameter, double>();
        Put(p, ProtocolParameter.SliceThickness, Mode(frames.Select(f => f.SliceThickness)));
        Put(p, ProtocolParameter.SliceSpacing, Mode(frames.Select(f => f.SpacingBetweenSlices)) ?? SpacingFromPositions(frames));
        if (p.TryGetValue(ProtocolParameter.SliceSpacing, out double spacing) && p.TryGetValue(ProtocolParameter.SliceThickness, out double thickness))
        {
            p[ProtocolParameter.SliceGap] = spacing - thickness;
        }

        InPlane(p, frames[0]);
        Put(p, ProtocolParameter.EchoTime, Series.SeriesEvidence.Median(frames.Select(f => f.EchoTime)));
        Put(p, ProtocolParameter.RepetitionTime, Series.SeriesEvidence.Median(frames.Select(f => f.RepetitionTime)));
        Put(p, ProtocolParameter.MagneticFieldStrength, Mode(frames.Select(f => f.MagneticFieldStrength)));
        if (timing is not null)
        {
            p[ProtocolParameter.TimePoints] = timing.TimePoints;
            Put(p, ProtocolParameter.TemporalResolution, timing.TemporalResolutionSeconds);
            Put(p, ProtocolParameter.ObservationDuration, timing.ObservationSeconds);
        }

        return p;
    }

    /// <summary>
    /// FOV and resolution along the phase and frequency axes. PixelSpacing is row spacing (vertical) then column
    /// spacing (horizontal); phase encoding along COL runs down the columns, i.e. vertically, so its FOV is
    /// Rows × row spacing; along ROW it is Columns × column spacing. The acquired pixel is the FOV over the acquired
    /// steps of that axis; the reconstructed pixel is the spacing of that axis.
    /// </summary>
    private static void InPlane(Dictionary<ProtocolParameter, double> p, MrFrame f)
    {
        if (f.PixelSpacing is not [var rowSpacing, var columnSpacing] || f.Rows is not { } rows || f.Columns is not { } columns)
        {
            return;
        }

        double verticalFov = rows * rowSpacing;
        double horizontalFov = columns * columnSpacing;
        (double phaseFov, double frequencyFov, double phaseSpacing, double frequencySpacing) = f.InPlanePhaseEncodingDirection switch
        {
            "COL" => (verticalFov, horizontalFov, rowSpacing, columnSpacing),
            "ROW" => (horizontalFov, verticalFov, columnSpacing, rowSpacing),
            _ => (double.NaN, Math.Max(verticalFov, horizontalFov), double.NaN, double.NaN),
        };

        p[ProtocolParameter.FieldOfView] = frequencyFov;
        if (double.IsNaN(phaseFov))
        {
            return;
        }

        p[ProtocolParameter.PhaseFieldOfView] = phaseFov;
        p[ProtocolParameter.ReconstructedPhaseResolution] = phaseSpacing;
        p[ProtocolParameter.ReconstructedFrequencyResolution] = frequencySpacing;
        if (f.PhaseEncodingSteps is { } phaseSteps and > 0)
        {
            p[ProtocolParameter.AcquiredPhaseResolution] = phaseFov / phaseSteps;
        }

        if (f.FrequencyEncodingSteps is { } frequencySteps and > 0)
        {
            p[ProtocolParameter.AcquiredFrequencyResolution] = frequencyFov / frequencySteps;
        }
    }

    /// <summary>The median distance between neighbouring slice locations of the stack.</summary>
    private static double? SpacingFromPositions(IReadOnlyList<MrFrame> frames)
    {
        List<double> locations = [.. frames.Where(f => f.Location is not null).Select(f => Math.Round(f.Location!.Value, 2)).Distinct().Order()];
        if (locations.Count < 2)
        {
            return null;
        }

        List<double> steps = [.. Enumerable.Range(1, locations.Count - 1).Select(i => locations[i] - locations[i - 1]).Order()];
        return steps[steps.Count / 2];
    }

    private static double? Mode(IEnumerable<double?> values) =>
        values.Where(v => v is not null).GroupBy(v => v!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault()?.Key;

    private static void Put(Dictionary<ProtocolParameter, double> p, ProtocolParameter key, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            p[key] = v;
        }
    }
}

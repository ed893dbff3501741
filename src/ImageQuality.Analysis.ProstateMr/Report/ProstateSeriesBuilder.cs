using ImageQuality.Analysis.ProstateMr.Parameters;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr.Report;

/// <summary>Turns identified series into report series with their measured parameters.</summary>
internal static class ProstateSeriesBuilder
{
    public static List<ProstateSeries> Build(IReadOnlyList<IdentifiedSeries> identified)
    {
        // A dynamic acquisition split over several series is measured once, over all its time points.
        var dynamicParameters = new Dictionary<DynamicAcquisition, Dictionary<ProtocolParameter, double>>();
        var result = new List<ProstateSeries>(identified.Count);
        foreach (IdentifiedSeries s in identified)
        {
            Dictionary<ProtocolParameter, double> parameters;
            if (s.Type == SeriesType.Dce && s.Dynamic is { } dynamic)
            {
                if (!dynamicParameters.TryGetValue(dynamic, out parameters!))
                {
                    dynamicParameters[dynamic] = parameters = SeriesParameterMeasurer.Measure([.. dynamic.Frames], dynamic.Timing);
                }
            }
            else
            {
                parameters = SeriesParameterMeasurer.Measure(s.Frames, null);
            }

            int index = s.Dynamic is { Members.Count: > 1 } d ? IndexOf(d, s) + 1 : 0;
            result.Add(new ProstateSeries
            {
                SeriesInstanceUid = s.SeriesInstanceUid,
                SeriesNumber = s.SeriesNumber,
                SeriesDescription = s.Frames[0].SeriesDescription,
                SeriesType = s.Type,
                Plane = s.Evidence.Orientation?.Plane,
                ObliquityDegrees = s.Evidence.Orientation?.ObliquityDegrees,
                BValues = s.Evidence.BValues,
                BValueSources = [.. s.Frames.Where(f => f.BValue is not null).Select(f => f.BValue!.Value.Source).Distinct()],
                Confidence = s.Classification.Confidence,
                Reasons = s.Classification.Reasons,
                Instances = s.Frames.Select(f => f.Instance.SopInstanceUid).Distinct().Count(),
                Frames = s.Frames.Count,
                Parameters = parameters,
                TimePoint = index > 0 ? index : null,
                DynamicSeriesNumbers = s.Dynamic is { } g ? [.. g.Members.Select(m => m.SeriesNumber)] : [],
                FirstSopInstanceUid = s.Frames[0].Instance.SopInstanceUid,
            });
        }

        return result;
    }

    private static int IndexOf(DynamicAcquisition d, IdentifiedSeries s)
    {
        for (int i = 0; i < d.Members.Count; i++)
        {
            if (ReferenceEquals(d.Members[i], s))
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace ImageQuality.Analysis.ProstateMr.Series;

/// <summary>
/// Identifies one series from its headers, rules first and the description last: ImageType tokens, the sequence
/// (ScanningSequence, EchoPulseSequence, echo planar), echo and repetition times, b-values, time points and
/// orientations decide; SeriesDescription only breaks a tie the rules leave, with a lower confidence. Study-level
/// rules (calculated b beside an acquired DWI, time points stored as separate series) refine the result afterwards.
/// </summary>
public sealed partial class SeriesClassifier
{
    private static readonly string[] SubtractionTokens = ["SUB", "SUBTRACT", "SUBTRACTION"];
    private static readonly string[] DiffusionTokens = ["DIFFUSION", "TRACEW", "ADC", "CALC_BVALUE"];
    private static readonly string[] OtherDiffusionMaps = ["EADC", "FA", "EXP", "TRACE_EXP", "ISODWI_EXP"];

    private readonly SeriesClassifierOptions _options;

    public SeriesClassifier(SeriesClassifierOptions? options = null) => _options = options ?? new SeriesClassifierOptions();

    internal SeriesClassifierOptions Options => _options;

    /// <summary>
    /// Identifies one series on its own, from the headers of its images. The rules that need the rest of the study
    /// (a calculated b beside its source, DCE time points stored one series each) run in
    /// <see cref="ProstateMrProtocolAnalyzer.Evaluate"/>.
    /// </summary>
    public SeriesClassification Classify(IEnumerable<InstanceContext> seriesInstances)
    {
        List<Headers.MrFrame> frames = [.. seriesInstances.SelectMany(Headers.MrFrameReader.Read)];
        return frames.Count == 0
            ? new SeriesClassification(SeriesType.Other, 0, ["no MR image"])
            : Classify(SeriesEvidence.Of(frames));
    }

    internal SeriesClassification Classify(SeriesEvidence e) =>
        Localizer(e) ?? Subtraction(e) ?? Diffusion(e) ?? T2Weighted(e) ?? Dynamic(e) ?? ByDescription(e);

    private static SeriesClassification? Localizer(SeriesEvidence e)
    {
        if (e.ImageType.Contains("LOCALIZER"))
        {
            return new(SeriesType.Localizer, 0.98, ["ImageType holds LOCALIZER"]);
        }

        return e.Planes.Count >= 2
            ? new(SeriesType.Localizer, 0.9, [$"images in {e.Planes.Count} planes ({string.Join(", ", e.Planes)}) in one series: a multi-plane scout"])
            : null;
    }

    private static SeriesClassification? Subtraction(SeriesEvidence e) =>
        SubtractionTokens.FirstOrDefault(e.ImageType.Contains) is { } token
            ? new(SeriesType.Subtraction, 0.95, [$"ImageType holds {token}"])
            : null;

    private static SeriesClassification? Diffusion(SeriesEvidence e)
    {
        var reasons = new List<string>();
        if (e.AcquisitionContrast.Contains("DIFFUSION"))
        {
            reasons.Add("AcquisitionContrast DIFFUSION");
        }

        if (e.BValues.Any(b => b > 0))
        {
            reasons.Add($"b-values {string.Join("/", e.BValues)} s/mm²");
        }

        if (e.DiffusionDirectionality.Overlaps(["ISOTROPIC", "DIRECTIONAL", "BMATRIX"]))
        {
            reasons.Add($"DiffusionDirectionality {string.Join("/", e.DiffusionDirectionality)}");
        }

        if (DiffusionTokens.Where(e.ImageType.Contains).ToList() is { Count: > 0 } tokens)
        {
            reasons.Add($"ImageType holds {string.Join("\\", tokens)}");
        }

        if (reasons.Count == 0)
        {
            return null;
        }

        if (e.ImageType.Contains("ADC"))
        {
            return new(SeriesType.Adc, 0.98, reasons);
        }

        if (OtherDiffusionMaps.FirstOrDefault(e.ImageType.Contains) is { } map)
        {
            return new(SeriesType.Other, 0.9, [.. reasons, $"ImageType holds {map}: a diffusion map other than ADC"]);
        }

        if (e.ImageType.Contains("CALC_BVALUE"))
        {
            return new(SeriesType.DwiCalculated, 0.98, reasons);
        }

        if (ComputedFromLowerBValues(e) is { } computed)
        {
            return new(SeriesType.DwiCalculated, 0.9, [.. reasons, computed]);
        }

        if (e.ImageType.Contains("DERIVED") && AdcHint().IsMatch(e.Hint))
        {
            return new(SeriesType.Adc, 0.7, [.. reasons, "derived image described as ADC (SeriesDescription hint)"]);
        }

        if (CalculatedHint().IsMatch(e.Hint))
        {
            return new(SeriesType.DwiCalculated, 0.7, [.. reasons, "described as calculated (SeriesDescription hint)"]);
        }

        return new(SeriesType.Dwi, e.BValues.Count > 0 ? 0.95 : 0.8, reasons);
    }

    /// <summary>
    /// Siemens names a computed diffusion image's sequence after the b-values it came from ("ep_b0_800"); an image
    /// whose own b-value lies above them was extrapolated, not acquired.
    /// </summary>
    private static string? ComputedFromLowerBValues(SeriesEvidence e)
    {
        if (e.BValues is not [var b] || b <= 0)
        {
            return null;
        }

        foreach (string name in e.SequenceNames)
        {
            Match m = SourceBValues().Match(name);
            if (m.Success && double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) < b)
            {
                return $"SequenceName {name} names the b-values it was computed from; b={b} lies beyond them";
            }
        }

        return null;
    }

    private SeriesClassification? T2Weighted(SeriesEvidence e)
    {
        if (!e.IsSpinEcho || e.EchoPlanar)
        {
            return null;
        }

        string sequence = $"spin echo ({string.Join("\\", e.ScanningSequence.Concat(e.EchoPulseSequence))})";
        if (e.AcquisitionContrast.Contains("T2"))
        {
            return new(SeriesType.T2W, 0.97, [sequence, "AcquisitionContrast T2"]);
        }

        if (e.ScanningSequence.Contains("IR"))
        {
            return new(SeriesType.Other, 0.8, [sequence, "inversion recovery (STIR/FLAIR), not the plain T2W of PI-RADS"]);
        }

        if (e.EchoTime is { } te && e.RepetitionTime is { } tr)
        {
            string timing = string.Create(CultureInfo.InvariantCulture, $"TE {te} ms, TR {tr} ms");
            if (te < _options.T2MinimumEchoTimeMs || tr < _options.T2MinimumRepetitionTimeMs)
            {
                return new(SeriesType.Other, 0.8, [sequence, $"{timing}: T1 or proton density weighting"]);
            }

            // Segmented k-space is the turbo/fast spin echo PI-RADS asks for: it confirms the call.
            return e.SequenceVariant.Contains("SK")
                ? new(SeriesType.T2W, 0.93, [sequence, $"{timing}: long TE and TR", "SequenceVariant SK: turbo/fast spin echo"])
                : new(SeriesType.T2W, 0.9, [sequence, $"{timing}: long TE and TR"]);
        }

        return T2Hint().IsMatch(e.Hint)
            ? new(SeriesType.T2W, 0.6, [sequence, "echo/repetition time missing; described as T2 (SeriesDescription hint)"])
            : null;
    }

    private SeriesClassification? Dynamic(SeriesEvidence e)
    {
        if (!e.IsGradientEcho || e.RepetitionTime is not { } tr || tr >= _options.DceMaximumRepetitionTimeMs)
        {
            return null;
        }

        string sequence = string.Create(CultureInfo.InvariantCulture, $"gradient echo, TR {tr} ms");
        List<string> reasons = [sequence];
        if (e.SequenceVariant.Contains("SP"))
        {
            reasons.Add("SequenceVariant SP: spoiled (T1-weighted)");
        }

        if (e.ContrastAgent)
        {
            reasons.Add("contrast agent named");
        }

        if (e.Timing.TimePoints >= _options.DceMinimumTimePoints)
        {
            return new(SeriesType.Dce, e.ContrastAgent ? 0.97 : 0.92, [.. reasons, $"{e.Timing.TimePoints} time points of the same slices"]);
        }

        return new(SeriesType.Other, 0.7, [.. reasons, $"{e.Timing.TimePoints} time point(s): a single T1 gradient echo unless other series continue it"]);
    }

    private static SeriesClassification ByDescription(SeriesEvidence e)
    {
        if (LocalizerHint().IsMatch(e.Hint))
        {
            return new(SeriesType.Localizer, 0.6, ["described as a localiser (SeriesDescription hint)"]);
        }

        return T2Hint().IsMatch(e.Hint)
            ? new(SeriesType.T2W, 0.5, ["no sequence rule matched; described as T2 (SeriesDescription hint)"])
            : new(SeriesType.Other, 0.6, ["no identification rule matched"]);
    }

    [GeneratedRegex(@"^ep_b(\d+)_(\d+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceBValues();

    [GeneratedRegex(@"\badc\b|_adc\b|apparent diffusion", RegexOptions.CultureInvariant)]
    private static partial Regex AdcHint();

    [GeneratedRegex(@"calc|synth|computed", RegexOptions.CultureInvariant)]
    private static partial Regex CalculatedHint();

    [GeneratedRegex(@"t2", RegexOptions.CultureInvariant)]
    private static partial Regex T2Hint();

    [GeneratedRegex(@"loc|scout|survey|3-?plane", RegexOptions.CultureInvariant)]
    private static partial Regex LocalizerHint();
}

using System.Globalization;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Analysis.Mammography;

/// <summary>
/// Positioning of each screening mammogram: landmarks (model or classical), the measures in millimetres, and
/// one finding per criterion. Images out of scope (for processing, implants, partial, spot, magnification and
/// biopsy views) get a single not-assessable finding that says why.
/// </summary>
public sealed class MammographyPositioningAnalyzer(PositioningEngine engine) : IInstanceAnalyzer
{
    public const string AnalyzerId = "mammography.positioning";

    private readonly MammographyHeaderAnalyzer _modality = new();

    public string Id => AnalyzerId;

    /// <summary>Rules, thresholds and the landmark finder: findings made under others are told apart.</summary>
    public string Version { get; } = Versioned(engine);

    public bool AppliesTo(InstanceContext instance) => _modality.AppliesTo(instance);

    public ValueTask<AnalysisResult> AnalyzeAsync(InstanceContext instance, CancellationToken cancellationToken)
    {
        string uid = instance.SopInstanceUid;
        if (ScreeningScope.ExclusionReason(instance.Dataset, out string? view) is { } reason)
        {
            return ValueTask.FromResult(new AnalysisResult([new Finding(PositioningCriteria.Scope, FindingOutcome.NotAssessable, $"Not judged: {reason}", SopInstanceUid: uid)]));
        }

        PositioningAnalysis analysis;
        try
        {
            analysis = engine.Analyze(instance, view!);
        }
        catch (Exception e) when (e is InvalidDataException or DicomPixelDataException or DicomFormatException)
        {
            return ValueTask.FromResult(new AnalysisResult([new Finding(PositioningCriteria.Scope, FindingOutcome.NotAssessable, $"Not judged: {e.Message}", SopInstanceUid: uid)], engine.FinderVersion));
        }

        var findings = new List<Finding>(PositioningJudge.Judge(analysis, engine.Options));
        findings.Insert(0, new Finding(PositioningCriteria.Scope, FindingOutcome.Pass, $"{analysis.Laterality} {analysis.View} judged ({analysis.Method} landmarks)", SopInstanceUid: uid, Overlay: PositioningOverlay.Geometry(analysis)));
        return ValueTask.FromResult(new AnalysisResult(findings, analysis.ModelVersion ?? "classical"));
    }

    private static string Versioned(PositioningEngine engine)
    {
        PositioningOptions o = engine.Options;
        return string.Create(CultureInfo.InvariantCulture, $"1.0;{engine.FinderVersion};pnl={o.MaxCcMloPnlDifferenceMm};width={o.MinPectoralTopWidthMm};angle={o.MinPectoralAngleDegrees}-{o.MaxPectoralAngleDegrees};nipple={o.MaxNippleAngleDegrees};imf={o.MinImfAreaMm2};cut={o.MaxCutOffMm};kpa={o.MinPressureKpa}-{o.MaxPressureKpa}");
    }
}

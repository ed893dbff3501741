using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Analysis.Mammography;

/// <summary>
/// Positioning of a settled screening exam: CC against MLO PNL per side, muscle symmetry on the MLOs and the
/// exam grade (ACR or PGMI). Images already analysed are taken from the engine's cache.
/// </summary>
public sealed class MammographyPositioningExamAnalyzer(PositioningEngine engine) : IStudyAnalyzer
{
    public const string AnalyzerId = "mammography.positioning.exam";

    private static readonly (string View, string Laterality)[] ScreeningViews = [("CC", "R"), ("CC", "L"), ("MLO", "R"), ("MLO", "L")];

    private readonly MammographyHeaderAnalyzer _modality = new();

    public string Id => AnalyzerId;

    public string Version { get; } = $"1.0;{engine.FinderVersion};mode={engine.Options.GradingMode}";

    public bool AppliesTo(InstanceContext instance) => _modality.AppliesTo(instance);

    public ValueTask<AnalysisResult> AnalyzeAsync(StudyContext study, CancellationToken cancellationToken)
    {
        var images = new List<(PositioningAnalysis, IReadOnlyList<Finding>)>();
        foreach (InstanceContext instance in study.Instances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_modality.AppliesTo(instance) || ScreeningScope.ExclusionReason(instance.Dataset, out string? view) is not null)
            {
                continue;
            }

            try
            {
                PositioningAnalysis analysis = engine.Analyze(instance, view!);
                images.Add((analysis, PositioningJudge.Judge(analysis, engine.Options)));
            }
            catch (Exception e) when (e is InvalidDataException or DicomPixelDataException or DicomFormatException)
            {
                // The per-image result already says why this image was not judged; the exam is judged without it.
            }
        }

        if (images.Count == 0)
        {
            return ValueTask.FromResult(new AnalysisResult([new Finding(PositioningCriteria.Grade, FindingOutcome.NotAssessable, "No screening view in this study could be judged")], engine.FinderVersion));
        }

        var missing = ScreeningViews
            .Where(v => !images.Any(i => i.Item1.View == v.View && i.Item1.Laterality == v.Laterality))
            .Select(v => $"{v.Laterality} {v.View}")
            .ToList();
        return ValueTask.FromResult(new AnalysisResult(ExamJudge.Judge(images, missing, engine.Options), engine.FinderVersion));
    }
}

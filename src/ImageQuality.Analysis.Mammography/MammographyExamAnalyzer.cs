using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Mammography;

/// <summary>
/// Exam-level checks from headers, once the study has settled: are the four standard screening views there, and
/// were any views taken more than once (repeats: exposure for the patient, and the programme's repeat rate).
/// For-processing images are not counted: units send them beside the for-presentation image of the same exposure.
/// </summary>
public sealed class MammographyExamAnalyzer : IStudyAnalyzer
{
    public const string AnalyzerId = "mammography.exam";

    private static readonly (string View, string Laterality)[] ScreeningViews = [("CC", "R"), ("CC", "L"), ("MLO", "R"), ("MLO", "L")];

    private readonly MammographyHeaderAnalyzer _images = new();

    public string Id => AnalyzerId;

    public string Version => "1.0";

    public bool AppliesTo(InstanceContext instance) => _images.AppliesTo(instance);

    public ValueTask<AnalysisResult> AnalyzeAsync(StudyContext study, CancellationToken cancellationToken)
    {
        var images = study.Instances
            .Where(i => _images.AppliesTo(i) && Text(i.Dataset, DicomTag.PresentationIntentType) != "FOR PROCESSING")
            .Select(i => (View: Text(i.Dataset, DicomTag.ViewPosition), Laterality: Text(i.Dataset, DicomTag.ImageLaterality), i.SopInstanceUid))
            .ToList();

        var missing = ScreeningViews.Where(v => !images.Any(i => i.View == v.View && i.Laterality == v.Laterality)).Select(v => $"{v.Laterality} {v.View}").ToList();
        var views = missing.Count == 0
            ? new Finding("mg.exam.screening-views", FindingOutcome.Pass, "R CC, L CC, R MLO and L MLO present", 4, "views", "4 views")
            : new Finding("mg.exam.screening-views", FindingOutcome.Fail, $"Missing {string.Join(", ", missing)} (a diagnostic or partial exam, or a view not sent)", 4 - missing.Count, "views", "4 views");

        var repeated = images
            .Where(i => i.View is not null && i.Laterality is not null)
            .GroupBy(i => (i.View, i.Laterality))
            .Where(g => g.Count() > 1)
            .Select(g => (Label: $"{g.Key.Laterality} {g.Key.View} ×{g.Count()}", Extra: g.Count() - 1))
            .ToList();
        var extra = repeated.Sum(r => r.Extra);
        var repeats = extra == 0
            ? new Finding("mg.exam.repeats", FindingOutcome.Pass, "No view repeated", 0, "images", "0")
            : new Finding("mg.exam.repeats", FindingOutcome.Fail, $"{extra} repeated image(s): {string.Join(", ", repeated.Select(r => r.Label))}", extra, "images", "0");

        return ValueTask.FromResult(new AnalysisResult([views, repeats]));
    }

    private static string? Text(DicomDataset ds, DicomTag tag)
    {
        var value = ds.Contains(tag) ? ds.GetString(tag)?.Trim().TrimEnd('\0') : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}

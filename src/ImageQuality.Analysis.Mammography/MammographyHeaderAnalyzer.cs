using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Analysis.Mammography;

/// <summary>
/// Checks what a mammogram's header must say before its pixels are worth judging: which view and side, whether it
/// is the image for presentation, the compression force and thickness, and who took it on which unit.
/// </summary>
public sealed class MammographyHeaderAnalyzer : IInstanceAnalyzer
{
    public const string AnalyzerId = "mammography.header";

    private static readonly HashSet<string> MammographySopClasses =
    [
        "1.2.840.10008.5.1.4.1.1.1.2",   // Digital Mammography X-Ray Image Storage – For Presentation
        "1.2.840.10008.5.1.4.1.1.1.2.1", // – For Processing
        "1.2.840.10008.5.1.4.1.1.13.1.3", // Breast Tomosynthesis Image Storage
    ];

    private static readonly Dictionary<string, string> ViewCodes = new(StringComparer.Ordinal)
    {
        // SNOMED CT and the older SRT codes of the two screening views (ViewCodeSequence, CID 4014).
        ["399162004"] = "CC",
        ["R-10242"] = "CC",
        ["399368009"] = "MLO",
        ["R-10226"] = "MLO",
    };

    private readonly MammographyHeaderOptions _options;
    private readonly DicomTag _operatorTag;

    public MammographyHeaderAnalyzer(MammographyHeaderOptions? options = null)
    {
        _options = options ?? new MammographyHeaderOptions();
        _operatorTag = DicomDictionary.FindByKeyword(_options.OperatorAttribute)?.Tag
            ?? throw new ArgumentException($"'{_options.OperatorAttribute}' is not a DICOM keyword", nameof(options));
        Version = string.Create(CultureInfo.InvariantCulture, $"1.0;force={_options.MinCompressionForceNewtons}-{_options.MaxCompressionForceNewtons};thickness={_options.MinBreastThicknessMillimetres}-{_options.MaxBreastThicknessMillimetres}");
    }

    public string Id => AnalyzerId;

    /// <summary>The rules' version and the limits in force: findings made under other limits are told apart.</summary>
    public string Version { get; }

    public bool AppliesTo(InstanceContext instance)
    {
        var ds = instance.Dataset;
        return string.Equals(ds.GetString(DicomTag.Modality)?.Trim(), "MG", StringComparison.Ordinal)
            || MammographySopClasses.Contains(ds.GetString(DicomTag.SOPClassUID)?.Trim() ?? "");
    }

    public ValueTask<AnalysisResult> AnalyzeAsync(InstanceContext instance, CancellationToken cancellationToken)
    {
        var ds = instance.Dataset;
        var uid = instance.SopInstanceUid;
        Finding[] findings =
        [
            ViewAndLaterality(ds, uid),
            PresentationIntent(ds, uid),
            CompressionForce(ds, uid),
            BreastThickness(ds, uid),
            Recorded(ds, uid, "mg.header.operator", _operatorTag, "technologist", "Enter your operator id at the acquisition workstation so feedback reaches you"),
            Recorded(ds, uid, "mg.header.station", DicomTag.StationName, "station name", "Ask the PACS team to configure the unit's StationName"),
        ];
        return ValueTask.FromResult(new AnalysisResult(findings));
    }

    private static Finding ViewAndLaterality(DicomDataset ds, string uid)
    {
        const string id = "mg.header.view-laterality";
        var view = Text(ds, DicomTag.ViewPosition);
        var laterality = Text(ds, DicomTag.ImageLaterality);
        if (view is null || laterality is null)
        {
            var missing = view is null ? (laterality is null ? "ViewPosition and ImageLaterality are" : "ViewPosition is") : "ImageLaterality is";
            return new Finding(id, FindingOutcome.Fail, $"{missing} missing: the image cannot be paired with its other view. Check the view and side were selected on the unit", SopInstanceUid: uid);
        }

        if (laterality is not ("L" or "R" or "B"))
        {
            return new Finding(id, FindingOutcome.Fail, $"ImageLaterality '{laterality}' is not L, R or B", SopInstanceUid: uid);
        }

        var seriesLaterality = Text(ds, DicomTag.Laterality);
        if (seriesLaterality is not null && seriesLaterality != laterality)
        {
            return new Finding(id, FindingOutcome.Fail, $"ImageLaterality {laterality} contradicts Laterality {seriesLaterality}: check the side label", SopInstanceUid: uid);
        }

        var codedView = CodedView(ds);
        if (codedView is not null && codedView != view)
        {
            return new Finding(id, FindingOutcome.Fail, $"ViewPosition {view} contradicts the coded view {codedView} (ViewCodeSequence): check the view label", SopInstanceUid: uid);
        }

        return new Finding(id, FindingOutcome.Pass, $"{laterality} {view}", SopInstanceUid: uid);
    }

    private static Finding PresentationIntent(DicomDataset ds, string uid)
    {
        const string id = "mg.header.presentation-intent";
        return Text(ds, DicomTag.PresentationIntentType) switch
        {
            "FOR PRESENTATION" => new Finding(id, FindingOutcome.Pass, "For presentation", SopInstanceUid: uid),
            "FOR PROCESSING" => new Finding(id, FindingOutcome.NotAssessable, "For processing (raw) image: positioning is scored on the for-presentation image", SopInstanceUid: uid),
            null => new Finding(id, FindingOutcome.Fail, "PresentationIntentType is missing", SopInstanceUid: uid),
            var other => new Finding(id, FindingOutcome.Fail, $"PresentationIntentType '{other}' is neither FOR PRESENTATION nor FOR PROCESSING", SopInstanceUid: uid),
        };
    }

    private Finding CompressionForce(DicomDataset ds, string uid)
    {
        const string id = "mg.header.compression-force";
        var threshold = string.Create(CultureInfo.InvariantCulture, $"{_options.MinCompressionForceNewtons}–{_options.MaxCompressionForceNewtons} N");
        var force = Number(ds, DicomTag.CompressionForce);
        if (force is null)
        {
            return new Finding(id, FindingOutcome.NotAssessable, "CompressionForce is not recorded", Unit: "N", Threshold: threshold, SopInstanceUid: uid);
        }

        var model = Text(ds, DicomTag.ManufacturerModelName) ?? "";
        var newtons = _options.ModelsReportingDecanewtons.Any(m => model.Contains(m, StringComparison.OrdinalIgnoreCase)) ? force.Value * 10 : force.Value;
        var outcome = newtons >= _options.MinCompressionForceNewtons && newtons <= _options.MaxCompressionForceNewtons ? FindingOutcome.Pass : FindingOutcome.Fail;
        var message = outcome == FindingOutcome.Pass
            ? string.Create(CultureInfo.InvariantCulture, $"Compression force {newtons:0} N")
            : newtons < _options.MinCompressionForceNewtons
                ? string.Create(CultureInfo.InvariantCulture, $"Compression force {newtons:0} N is below {_options.MinCompressionForceNewtons} N: firmer compression spreads tissue and reduces blur and dose")
                : string.Create(CultureInfo.InvariantCulture, $"Compression force {newtons:0} N is above {_options.MaxCompressionForceNewtons} N: check the reading and the patient's comfort");
        return new Finding(id, outcome, message, newtons, "N", threshold, SopInstanceUid: uid);
    }

    private Finding BreastThickness(DicomDataset ds, string uid)
    {
        const string id = "mg.header.breast-thickness";
        var threshold = string.Create(CultureInfo.InvariantCulture, $"{_options.MinBreastThicknessMillimetres}–{_options.MaxBreastThicknessMillimetres} mm");
        var thickness = Number(ds, DicomTag.BodyPartThickness);
        if (thickness is null)
        {
            return new Finding(id, FindingOutcome.NotAssessable, "BodyPartThickness (compressed breast thickness) is not recorded", Unit: "mm", Threshold: threshold, SopInstanceUid: uid);
        }

        var within = thickness >= _options.MinBreastThicknessMillimetres && thickness <= _options.MaxBreastThicknessMillimetres;
        var message = within
            ? string.Create(CultureInfo.InvariantCulture, $"Compressed thickness {thickness:0} mm")
            : string.Create(CultureInfo.InvariantCulture, $"Compressed thickness {thickness:0} mm is outside {threshold}: check the paddle reading");
        return new Finding(id, within ? FindingOutcome.Pass : FindingOutcome.Fail, message, thickness, "mm", threshold, SopInstanceUid: uid);
    }

    private static Finding Recorded(DicomDataset ds, string uid, string id, DicomTag tag, string what, string advice)
    {
        var value = Text(ds, tag);
        return value is null
            ? new Finding(id, FindingOutcome.Fail, $"No {what} recorded ({DicomDictionary.Find(tag)?.Keyword}). {advice}", SopInstanceUid: uid)
            : new Finding(id, FindingOutcome.Pass, $"{char.ToUpperInvariant(what[0])}{what[1..]} recorded", SopInstanceUid: uid);
    }

    private static string? CodedView(DicomDataset ds)
    {
        var item = ds.FindSequence(DicomTag.ViewCodeSequence)?.Items.FirstOrDefault();
        var code = item is null ? null : Text(item, DicomTag.CodeValue);
        return code is not null && ViewCodes.TryGetValue(code, out var view) ? view : null;
    }

    private static string? Text(DicomDataset ds, DicomTag tag)
    {
        var value = ds.Contains(tag) ? ds.GetString(tag)?.Trim().TrimEnd('\0') : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static double? Number(DicomDataset ds, DicomTag tag) =>
        double.TryParse(Text(ds, tag), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}

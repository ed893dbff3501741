using ImageQuality.Analysis.Mammography.Landmarks;
using ImageQuality.Analysis.Models;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.Mammography.Positioning;

/// <summary>
/// Decode, orient, find the landmarks, measure: the one path every caller takes (the per-image and per-exam
/// analyzers, <c>iq analyze</c>, the accuracy tool). The model is loaded once per process; without a model file the
/// classical finder is used and says so. Results of the last images are kept so that the exam analyzer, which
/// runs after the per-image one, does not decode the same mammograms again.
/// </summary>
public sealed class PositioningEngine : IDisposable
{
    private const int CacheSize = 16;

    private readonly OnnxModel? _model;
    private readonly LandmarkModel? _landmarks;
    private readonly LinkedList<(string Key, PositioningAnalysis Analysis)> _recent = new();
    private readonly Lock _lock = new();

    public PositioningEngine(PositioningOptions options)
    {
        options.Validate();
        Options = options;
        string path = ResolveModelPath(options.ModelPath);
        if (File.Exists(path))
        {
            _model = OnnxModel.Load(path, options.ModelThreads);
            _landmarks = new LandmarkModel(_model);
        }
        else if (!string.IsNullOrEmpty(options.ModelPath))
        {
            throw new FileNotFoundException($"Mammography:Positioning:ModelPath {options.ModelPath} does not exist", options.ModelPath);
        }

        ModelPath = _model is null ? null : path;
    }

    public PositioningOptions Options { get; }

    /// <summary>The model file in use, or null when the classical finder is.</summary>
    public string? ModelPath { get; }

    /// <summary>"model:&lt;version&gt;" or "classical": part of the analyzers' version so results say what made them.</summary>
    public string FinderVersion => _landmarks is null ? "classical" : $"model:{_landmarks.Version}";

    /// <summary>models/mammo-landmarks.onnx next to the binary (the Docker image and the CLI ship it there).</summary>
    public static string ResolveModelPath(string configured) =>
        !string.IsNullOrEmpty(configured) ? configured : Path.Combine(AppContext.BaseDirectory, "models", LandmarkModel.DefaultFileName);

    /// <summary>
    /// Analyses a stored screening image; the result is kept for the exam analyzer (keyed by path and modification
    /// time, so a file overwritten by a later copy is analysed again).
    /// </summary>
    public PositioningAnalysis Analyze(InstanceContext instance, string view)
    {
        string key = $"{instance.FilePath}|{File.GetLastWriteTimeUtc(instance.FilePath).Ticks}";
        if (TryGetRecent(key) is { } cached)
        {
            return cached;
        }

        var file = instance.ReadWithPixelData();
        return Analyze(file.Dataset, file.TransferSyntax, view, key);
    }

    /// <summary>
    /// Analyses one screening image (the caller has checked <see cref="ScreeningScope"/>). Throws
    /// <see cref="InvalidDataException"/> when the header lacks what the measures need (spacing, laterality).
    /// </summary>
    public PositioningAnalysis Analyze(DicomDataset dataset, TransferSyntax syntax, string view, string cacheKey = "")
    {
        if (cacheKey.Length > 0 && TryGetRecent(cacheKey) is { } cached)
        {
            return cached;
        }

        string uid = ScreeningScope.Text(dataset, DicomTag.SOPInstanceUID) ?? string.Empty;
        string laterality = ScreeningScope.Text(dataset, DicomTag.ImageLaterality) ?? ScreeningScope.Text(dataset, DicomTag.Laterality)
            ?? throw new InvalidDataException("ImageLaterality is missing: the side cannot be paired with its other view");
        BreastPlaneSpacing spacing = BreastPlaneSpacing.FromDataset(dataset)
            ?? throw new InvalidDataException("Neither ImagerPixelSpacing nor PixelSpacing is usable: nothing can be measured in millimetres");

        using MammogramPlane plane = MammogramPlane.FromDataset(dataset, syntax);
        double widthMm = plane.Width * spacing.ColumnMm, heightMm = plane.Height * spacing.RowMm;
        if (plane.Width < 256 || plane.Height < 256 || widthMm < 60 || heightMm < 60)
        {
            throw new InvalidDataException(FormattableString.Invariant($"the image is {plane.Width} x {plane.Height} pixels ({widthMm:0} x {heightMm:0} mm), too small for a full-field mammogram"));
        }

        CanonicalOrientation orientation = CanonicalOrientation.Determine(dataset, plane);
        (float[] tensor, ModelTransform transform) = LandmarkModelInput.Prepare(plane, orientation);
        GridLandmarks grid;
        if (_landmarks is null)
        {
            grid = ClassicalLandmarkFinder.Find(tensor, view == "MLO");
        }
        else
        {
            grid = _landmarks.Find(tensor);
            if (LandmarkPlausibility.Check(grid, view == "MLO") is { } implausible)
            {
                grid = ClassicalLandmarkFinder.Find(tensor, view == "MLO") with { Method = $"classical (model landmarks rejected: {implausible})" };
            }
            else if (LandmarkPlausibility.CheckNipple(grid) is { } misplaced)
            {
                // The outlines are sound but the nipple is not: take it from their geometry; its profile is then unknown.
                grid = grid with
                {
                    Nipple = LandmarkPlausibility.FrontOfBreast(grid.Breast),
                    NippleConfidence = 0.5,
                    NippleInProfileProbability = double.NaN,
                    Method = $"model (nipple from the outline: {misplaced})",
                };
            }
        }

        PositioningMeasures measures = PositioningMeasurer.Measure(grid, transform, spacing, view);

        var landmarks = new ImageLandmarks
        {
            Nipple = measures.NippleMm is { } n ? LandmarkGeometry.ToImage(n, transform, spacing) : null,
            PectoralEdge = measures.PectoralEdgeMm is { } e ? [LandmarkGeometry.ToImage(e.Top, transform, spacing), LandmarkGeometry.ToImage(e.Bottom, transform, spacing)] : null,
            PectoralPolygon = LandmarkGeometry.ChestWallPolygon(grid.Pectoral, transform),
            BreastPolygon = LandmarkGeometry.ChestWallPolygon(grid.Breast, transform),
            ImfPolygon = LandmarkGeometry.RowSpanPolygon(grid.Imf, transform),
            Pnl = measures.NippleMm is { } nm && measures.PnlFootMm is { } f ? [LandmarkGeometry.ToImage(nm, transform, spacing), LandmarkGeometry.ToImage(f, transform, spacing)] : null,
            ChestWallSide = orientation.FlipColumns ? "right" : "left",
        };

        double? force = dataset.TryGetDouble(DicomTag.CompressionForce, out double f0) ? f0 : null;
        string model = ScreeningScope.Text(dataset, DicomTag.ManufacturerModelName) ?? string.Empty;
        if (force is not null && Options.ModelsReportingDecanewtons.Any(m => model.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            force *= 10;
        }

        var analysis = new PositioningAnalysis(uid, view, laterality, plane.Width, plane.Height, spacing, landmarks, measures, grid.Method, _landmarks?.Version, orientation.Source, force);
        if (cacheKey.Length > 0)
        {
            Remember(cacheKey, analysis);
        }

        return analysis;
    }

    public void Dispose() => _model?.Dispose();

    private PositioningAnalysis? TryGetRecent(string key)
    {
        lock (_lock)
        {
            foreach (var (k, a) in _recent)
            {
                if (k == key)
                {
                    return a;
                }
            }
        }

        return null;
    }

    private void Remember(string key, PositioningAnalysis analysis)
    {
        lock (_lock)
        {
            _recent.AddFirst((key, analysis));
            while (_recent.Count > CacheSize)
            {
                _recent.RemoveLast();
            }
        }
    }
}

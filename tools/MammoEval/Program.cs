using System.Diagnostics;
using System.Globalization;
using System.Text;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Dicom;
using ImageQuality.Samples.Mammography;
using ImageQuality.Samples.Mammography.Dataset;
using ImageQuality.Samples.Mammography.Dicom;
using ImageQuality.Samples.Mammography.Truth;

// Accuracy of the positioning analysis (landmarks, measures, criteria) on a held-out synthetic set: images drawn
// with a seed the training never used, analysed by exactly the service's path (Part 10 in memory → decode →
// orient → model or classical finder → measures), compared with the generator's exact truth.
//   dotnet run --project tools/MammoEval -c Release -- [--count 200] [--seed 20261204] [--pixel-mm 0.3] [--model file.onnx] [--markdown out.md]
var arguments = Arguments.Parse(args);
var options = new PositioningOptions { ModelPath = arguments.Model ?? string.Empty, ModelThreads = 0 };
using var engine = new PositioningEngine(options);
Console.Error.WriteLine($"finder {engine.FinderVersion}; {arguments.Count} images, seed {arguments.Seed}, pixels of about {arguments.PixelMm} mm");

var nipple = new List<double>();
var angle = new List<double>();
var pnl = new List<double>();
var pectoralDice = new List<double>();
var breastDice = new List<double>();
var agreement = new Dictionary<string, (int Agree, int Total)>(StringComparer.Ordinal);
int nippleMissed = 0;
var clock = Stopwatch.StartNew();
for (int i = 0; i < arguments.Count; i++)
{
    var random = new Random(SyntheticExamPlanner.Mix(arguments.Seed, i));
    SyntheticMammogramSpec spec = SyntheticSpecSampler.Sample(random, 0.3, arguments.PixelMm);
    SyntheticMammogram image = SyntheticMammogramGenerator.Generate(spec);
    SyntheticAcquisition acquisition = SyntheticAcquisitionFactory.ForImage(spec, random);
    DicomFile file = SyntheticLandmarkSamples.RoundTrip(MammogramDatasetBuilder.Build(image, acquisition));
    MammogramGroundTruth truth = image.Truth;
    string view = truth.View;
    PositioningAnalysis a = engine.Analyze(file.Dataset, file.TransferSyntax, view);
    (double rowMm, double columnMm) = truth.PixelSpacingMm;
    bool mlo = view == "MLO";

    if (truth.Nipple is { } tn)
    {
        if (a.Landmarks.Nipple is { } pn && a.Measures.NippleConfidence >= options.MinNippleConfidence)
        {
            nipple.Add(Math.Sqrt(Math.Pow((pn.X - tn.X) * columnMm, 2) + Math.Pow((pn.Y - tn.Y) * rowMm, 2)));
        }
        else
        {
            nippleMissed++;
        }
    }

    TruthMeasures? t = truth.Measures;
    if (t?.PnlLengthMm is { } tPnl && a.Measures.PnlLengthMm is { } pPnl)
    {
        pnl.Add(Math.Abs(pPnl - tPnl));
    }

    if (mlo && t?.PectoralAngleDegrees is { } tAngle && a.Measures.PectoralAngleDegrees is { } pAngle)
    {
        angle.Add(Math.Abs(pAngle - tAngle));
    }

    double step = 1 / Math.Min(rowMm, columnMm);
    if (mlo && truth.PectoralPolygon is { Count: > 2 } tPectoral)
    {
        pectoralDice.Add(Dice(tPectoral, a.Landmarks.PectoralPolygon, truth.Columns, truth.Rows, step));
    }

    if (truth.BreastPolygon is { Count: > 2 } tBreast)
    {
        breastDice.Add(Dice(tBreast, a.Landmarks.BreastPolygon, truth.Columns, truth.Rows, step));
    }

    PositioningMeasures m = a.Measures;
    if (t is not null)
    {
        if (mlo)
        {
            Agree("pectoral reaches the PNL (MLO)", t.PectoralReachesPnl, m.PectoralReachesPnl);
            Agree("fold shown (MLO)", t.ImfVisible, m.ImfAreaMm2 is { } area ? area >= options.MinImfAreaMm2 : null);
            Agree("muscle border concave (MLO)", truth.Faults.Contains("pectoral-concave"), m.PectoralShape is { } shape ? shape == PectoralShape.Concave : null);
        }
        else
        {
            Agree("nipple off the PNL direction (CC)", t.NippleAngleDegrees is { } ta ? Math.Abs(ta) > options.MaxNippleAngleDegrees : null, m.NippleAngleDegrees is { } pa ? Math.Abs(pa) > options.MaxNippleAngleDegrees : null);
        }

        Agree("nipple in profile", truth.Nipple is null ? null : truth.NippleInProfile, m.NippleInProfileProbability is { } p ? p >= 0.5 : null);
        Agree("cut-off", t.CutOff, m.CutOffLengthMm > options.MaxCutOffMm);
    }

    if ((i + 1) % 20 == 0 || i + 1 == arguments.Count)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}/{arguments.Count} images, {(i + 1) / clock.Elapsed.TotalSeconds:0.0}/s"));
    }
}

var report = new StringBuilder();
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Held-out synthetic set: {arguments.Count} images (seed {arguments.Seed}, pixels of about {arguments.PixelMm} mm), finder {engine.FinderVersion}."));
report.AppendLine();
report.AppendLine("| measure | n | mean | median | p95 | goal | met |");
report.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
Row("nipple error (mm)", nipple, "mean ≤ 3", v => v.Average() <= 3);
Row("pectoral edge angle error (°, MLO)", angle, "mean ≤ 3", v => v.Average() <= 3);
Row("PNL length error (mm)", pnl, "mean ≤ 5", v => v.Average() <= 5);
Row("pectoral Dice (MLO)", pectoralDice, "mean ≥ 0.93", v => v.Average() >= 0.93);
Row("breast Dice", breastDice, "-", _ => true);
report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\nNipple not found (or below the confidence floor) on {nippleMissed} of {nipple.Count + nippleMissed} images that have one in the field."));
report.AppendLine();
report.AppendLine("| criterion | images | agreement with the truth | goal ≥ 95% |");
report.AppendLine("| --- | --- | --- | --- |");
foreach (var (criterion, (agree, total)) in agreement.OrderBy(k => k.Key, StringComparer.Ordinal))
{
    double share = total == 0 ? double.NaN : 100.0 * agree / total;
    report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {criterion} | {total} | {share:0.0}% | {(share >= 95 ? "met" : "not met")} |"));
}

report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"\n{arguments.Count} images in {clock.Elapsed.TotalSeconds:0} s (generation included)."));
Console.Write(report);
if (arguments.Markdown is { } path)
{
    File.WriteAllText(path, report.ToString());
}

void Agree(string criterion, bool? truthValue, bool? predicted)
{
    if (truthValue is not { } tv)
    {
        return;
    }

    // A criterion the analysis could not assess counts as a disagreement: not assessable is not a right answer.
    var (agree, total) = agreement.GetValueOrDefault(criterion);
    agreement[criterion] = (agree + (predicted == tv ? 1 : 0), total + 1);
}

void Row(string name, List<double> values, string goal, Func<List<double>, bool> met)
{
    if (values.Count == 0)
    {
        report.AppendLine($"| {name} | 0 | - | - | - | {goal} | - |");
        return;
    }

    var sorted = values.Order().ToList();
    double Quantile(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {values.Count} | {values.Average():0.00} | {Quantile(0.5):0.00} | {Quantile(0.95):0.00} | {goal} | {(met(values) ? "yes" : "no")} |"));
}

static double Dice(IReadOnlyList<(double X, double Y)> truth, IReadOnlyList<(double X, double Y)> predicted, int columns, int rows, double step)
{
    long both = 0, inTruth = 0, inPredicted = 0;
    for (double y = step / 2; y < rows; y += step)
    {
        for (double x = step / 2; x < columns; x += step)
        {
            bool t = Inside(truth, x, y), p = predicted.Count > 2 && Inside(predicted, x, y);
            both += t && p ? 1 : 0;
            inTruth += t ? 1 : 0;
            inPredicted += p ? 1 : 0;
        }
    }

    return inTruth + inPredicted == 0 ? 1 : 2.0 * both / (inTruth + inPredicted);
}

static bool Inside(IReadOnlyList<(double X, double Y)> polygon, double x, double y)
{
    // Even–odd rule.
    bool inside = false;
    for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
    {
        var (xi, yi) = polygon[i];
        var (xj, yj) = polygon[j];
        if ((yi > y) != (yj > y) && x < ((xj - xi) * (y - yi) / (yj - yi)) + xi)
        {
            inside = !inside;
        }
    }

    return inside;
}

/// <summary>The tool's few arguments.</summary>
internal sealed record Arguments(int Count, int Seed, double PixelMm, string? Model, string? Markdown)
{
    public static Arguments Parse(string[] args)
    {
        int count = 200, seed = 20261204;
        double pixelMm = 0.3;
        string? model = null, markdown = null;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--count": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--pixel-mm": pixelMm = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--model": model = args[i + 1]; break;
                case "--markdown": markdown = args[i + 1]; break;
                default: throw new ArgumentException($"unknown argument {args[i]}; use --count, --seed, --pixel-mm, --model, --markdown");
            }
        }

        return new Arguments(count, seed, pixelMm, model, markdown);
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ImageQuality.Analysis;
using ImageQuality.Analysis.Mammography;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Analysis.Overlays;
using ImageQuality.Analysis.ProstateMr;
using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.RulePacks;
using ImageQuality.Analysis.ProstateMr.Series;
using ImageQuality.Cli.Network;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Rendering;
using ImageQuality.Dicom.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// <c>iq analyze &lt;files or folders&gt;…</c>: the analyses offline — for mammograms the header checks and positioning
/// per image and per exam, for prostate MR studies the series, b-values and PI-RADS protocol rules — printed for
/// people or as JSON, with overlay pictures of mammograms on request.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths") { Description = "DICOM files and folders (walked recursively).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: \"images\" (an array, one object per image: findings, measures, landmarks in stored-image pixels) and \"studies\" (exam findings)." };
        var overlays = new Option<DirectoryInfo?>("--overlays") { Description = "Write a PNG per judged image (<SOPInstanceUID>.png) with the landmarks drawn; failed criteria in red." };
        var size = new Option<int>("--size") { Description = "Longer side of the overlay pictures, in pixels.", DefaultValueFactory = _ => 1024 };
        var model = new Option<string?>("--model") { Description = "The landmark model (default: models/mammo-landmarks.onnx next to iq; without one the classical finder is used)." };
        var grading = new Option<string>("--grading") { Description = "Exam grade: ACR (pass/fail) or PGMI.", DefaultValueFactory = _ => "ACR" };
        var rulePack = new Option<string?>("--rule-pack") { Description = "A site's prostate MR rule pack (JSON) instead of the shipped pirads-2.1." };
        var command = new Command("analyze", "Judge mammography positioning (and the header checks) of the given images and their exams, and the PI-RADS protocol of prostate MR studies.\nExit code 0 when everything was analysed and passed, 1 when any criterion failed or a file could not be analysed, 2 on usage errors.")
        {
            paths, json, overlays, size, model, grading, rulePack,
        };
        command.SetAction((parse, cancellation) =>
        {
            var options = new PositioningOptions { ModelPath = parse.GetValue(model) ?? string.Empty, GradingMode = (parse.GetValue(grading) ?? "ACR").ToUpperInvariant(), ModelThreads = 0 };
            int pictureSize = parse.GetValue(size);
            if (pictureSize is < 64 or > 8192)
            {
                error.WriteLine("iq analyze: --size must be 64 to 8192");
                return Task.FromResult(ExitCodes.UsageError);
            }

            PositioningEngine engine;
            ProstateMrProtocolAnalyzer prostate;
            try
            {
                prostate = parse.GetValue(rulePack) is { } pack ? new ProstateMrProtocolAnalyzer(RulePack.Load(pack)) : new ProstateMrProtocolAnalyzer();
                engine = new PositioningEngine(options);
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException)
            {
                error.WriteLine($"iq analyze: {e.Message}");
                return Task.FromResult(ExitCodes.UsageError);
            }

            using (engine)
            {
                SendSource source = SendSource.Scan(parse.GetValue(paths) ?? []);
                foreach (string missing in source.Missing)
                {
                    error.WriteLine($"iq analyze: {missing}: no such file or folder");
                }

                if (source.Items.Count == 0)
                {
                    error.WriteLine("iq analyze: no DICOM files to analyse");
                    return Task.FromResult(ExitCodes.UsageError);
                }

                var run = new Run(engine, prostate, parse.GetValue(overlays), pictureSize, error);
                bool terminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
                var progress = new CountProgress(error, "iq analyze", terminal);
                for (int i = 0; i < source.Items.Count; i++)
                {
                    cancellation.ThrowIfCancellationRequested();
                    run.Image(source.Items[i].Path);
                    progress.Draw(i + 1, source.Items.Count, $"{run.Failures} with failed criteria");
                }

                progress.Finish();
                run.Studies(cancellation);
                if (parse.GetValue(json))
                {
                    run.WriteJson(output);
                }
                else
                {
                    run.WriteText(output);
                }

                return Task.FromResult(run.Failures == 0 && run.Errors == 0 && source.Missing.Count == 0 ? ExitCodes.Success : ExitCodes.Findings);
            }
        });
        return command;
    }

    /// <summary>The state of one invocation: what was found on each image and exam.</summary>
    private sealed class Run(PositioningEngine engine, ProstateMrProtocolAnalyzer prostate, DirectoryInfo? overlays, int pictureSize, TextWriter error)
    {
        private readonly List<InstanceContext> _others = [];
        private readonly List<ProstateStudyReport> _prostate = [];
        private bool _warnedClassical;
        private readonly MammographyHeaderAnalyzer _header = new();
        private readonly MammographyPositioningAnalyzer _positioning = new(engine);
        private readonly MammographyPositioningExamAnalyzer _exam = new(engine);
        private readonly List<ImageResult> _images = [];
        private readonly List<(string Study, IReadOnlyList<Finding> Findings)> _studies = [];

        public int Failures { get; private set; }

        public int Errors { get; private set; }

        public void Image(string path)
        {
            InstanceContext instance;
            try
            {
                instance = InstanceContext.Load(path);
            }
            catch (Exception e) when (e is DicomFormatException or IOException or InvalidDataException)
            {
                error.WriteLine($"iq analyze: {path}: {e.Message}");
                Errors++;
                return;
            }

            if (!_positioning.AppliesTo(instance))
            {
                // Judged per study once every file has been read (prostate MR), or passed over.
                _others.Add(instance);
                return;
            }

            if (engine.ModelPath is null && !_warnedClassical)
            {
                _warnedClassical = true;
                error.WriteLine("iq analyze: no landmark model found; using the classical finder (nipple profile and fold not assessed)");
            }

            var findings = new List<Finding>();
            findings.AddRange(_header.AnalyzeAsync(instance, CancellationToken.None).AsTask().GetAwaiter().GetResult().Findings);
            findings.AddRange(_positioning.AnalyzeAsync(instance, CancellationToken.None).AsTask().GetAwaiter().GetResult().Findings);
            PositioningAnalysis? analysis = null;
            if (ScreeningScope.ExclusionReason(instance.Dataset, out string? view) is null)
            {
                try
                {
                    analysis = engine.Analyze(instance, view!);
                }
                catch (Exception e) when (e is InvalidDataException or DicomPixelDataException or DicomFormatException)
                {
                    // The scope finding already carries the reason.
                }
            }

            Failures += findings.Any(f => f.Outcome == FindingOutcome.Fail) ? 1 : 0;
            var result = new ImageResult(path, instance, findings, analysis);
            _images.Add(result);
            if (overlays is not null && analysis is not null)
            {
                WriteOverlay(result);
            }
        }

        public void Studies(CancellationToken cancellation)
        {
            foreach (var study in _images.GroupBy(i => i.Instance.Dataset.GetString(DicomTag.StudyInstanceUID)?.Trim() ?? string.Empty).Where(g => g.Key.Length > 0))
            {
                var context = new StudyContext(study.Key, study.Select(i => i.Instance).ToList());
                var findings = _exam.AnalyzeAsync(context, cancellation).AsTask().GetAwaiter().GetResult().Findings;
                _studies.Add((study.Key, findings));
                Failures += findings.Any(f => f.Outcome == FindingOutcome.Fail) ? 1 : 0;
            }

            foreach (var study in _others.GroupBy(i => i.Dataset.GetString(DicomTag.StudyInstanceUID)?.Trim() ?? string.Empty))
            {
                var instances = study.ToList();
                if (study.Key.Length == 0 || !instances.Any(prostate.AppliesTo))
                {
                    string modality = instances[0].Dataset.GetString(DicomTag.Modality)?.Trim() ?? "no modality";
                    error.WriteLine($"iq analyze: {instances.Count} file(s) of study {(study.Key.Length > 0 ? study.Key : "(none)")} ({modality}) are neither mammograms nor prostate MR, passed over");
                    continue;
                }

                ProstateStudyReport report = prostate.Evaluate(new StudyContext(study.Key, instances));
                _prostate.Add(report);
                Failures += report.Findings.Any(f => f.Finding.Outcome == FindingOutcome.Fail) ? 1 : 0;
            }
        }

        public void WriteJson(TextWriter output)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteStartArray("images");
                foreach (ImageResult i in _images)
                {
                    PositioningJson.WriteImage(w, i.Path, i.Instance.SopInstanceUid, i.Instance.Dataset.GetString(DicomTag.StudyInstanceUID)?.Trim(), i.Findings, i.Analysis);
                }

                w.WriteEndArray();
                w.WriteStartArray("studies");
                foreach (var (study, findings) in _studies)
                {
                    PositioningJson.WriteStudy(w, study, findings);
                }

                foreach (ProstateStudyReport report in _prostate)
                {
                    ProstateJson.Write(w, report);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        public void WriteText(TextWriter output)
        {
            foreach (ImageResult i in _images)
            {
                string what = i.Analysis is { } a ? $"{a.Laterality} {a.View}, {a.Method} landmarks" : "not judged";
                output.WriteLine($"{i.Path} ({what})");
                WriteFindings(output, i.Findings);
            }

            foreach (var (study, findings) in _studies)
            {
                output.WriteLine($"Study {study}");
                WriteFindings(output, findings);
            }

            foreach (ProstateStudyReport report in _prostate)
            {
                output.WriteLine($"Prostate MR study {report.StudyInstanceUid} (rule pack {report.RulePackId} {report.RulePackVersion})");
                foreach (ProstateSeries series in report.Series)
                {
                    string b = series.BValues.Count > 0 ? $", b {string.Join("/", series.BValues.Select(v => v.ToString("0", CultureInfo.InvariantCulture)))}" : string.Empty;
                    output.WriteLine($"  series {series.SeriesNumber}: {series.SeriesType.Code()}{(series.Plane is { } p ? $" {p.ToString().ToLowerInvariant()}" : string.Empty)}{b} — {series.SeriesDescription}");
                }

                WriteFindings(output, report.Findings.Select(f => f.Finding).ToList());
            }
        }

        private static void WriteFindings(TextWriter output, IReadOnlyList<Finding> findings)
        {
            foreach (Finding f in findings)
            {
                string value = f.MeasuredValue is { } v ? string.Create(CultureInfo.InvariantCulture, $" {v:0.###} {f.Unit}") : string.Empty;
                string tag = f.Outcome switch { FindingOutcome.Pass => "pass", FindingOutcome.Fail => "FAIL", _ => "n/a " };
                output.WriteLine($"  {tag} {f.CriterionId}{value}: {f.Message}");
            }
        }

        private void WriteOverlay(ImageResult result)
        {
            try
            {
                DicomFile file = result.Instance.ReadWithPixelData();
                using Image rendered = DicomRenderer.Render(file, new RenderOptions { MaxSize = pictureSize });
                var failed = result.Findings.Where(f => f.Outcome == FindingOutcome.Fail).Select(f => f.CriterionId).ToHashSet(StringComparer.Ordinal);
                double scale = (double)rendered.Width / result.Analysis!.Columns;
                using Image<Rgb24> painted = OverlayPainter.Paint(rendered, PositioningOverlay.Geometry(result.Analysis), scale, shape => PositioningOverlay.Colour(shape, failed));
                overlays!.Create();
                painted.SaveAsPng(Path.Combine(overlays.FullName, $"{result.Instance.SopInstanceUid}.png"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomPixelDataException)
            {
                error.WriteLine($"iq analyze: overlay of {result.Path}: {e.Message}");
            }
        }
    }

    private sealed record ImageResult(string Path, InstanceContext Instance, IReadOnlyList<Finding> Findings, PositioningAnalysis? Analysis);
}

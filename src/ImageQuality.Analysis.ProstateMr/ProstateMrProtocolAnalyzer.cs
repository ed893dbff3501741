using ImageQuality.Analysis.ProstateMr.Report;
using ImageQuality.Analysis.ProstateMr.RulePacks;
using ImageQuality.Analysis.ProstateMr.Series;

namespace ImageQuality.Analysis.ProstateMr;

/// <summary>
/// Prostate MR protocol compliance from headers, once the study has settled: identifies every series (T2W by plane,
/// DWI with its b-values, ADC, calculated high b, DCE with its time points, subtraction, localisers), measures the
/// technical parameters and applies a rule pack (PI-RADS v2.1 by default). <see cref="Evaluate"/> gives the whole
/// report (series and findings) for <c>iq analyze</c>; <see cref="AnalyzeAsync"/> gives the findings for the service.
/// </summary>
public sealed class ProstateMrProtocolAnalyzer : IStudyAnalyzer
{
    public const string AnalyzerId = "prostate-mr.protocol";

    private const string RulesVersion = "1.0";

    private readonly StudySeriesIdentifier _identifier;

    /// <summary>With the shipped PI-RADS v2.1 pack and the default identification limits.</summary>
    public ProstateMrProtocolAnalyzer()
        : this(RulePack.LoadDefault())
    {
    }

    /// <summary>With a site's pack (<see cref="RulePack.Load"/>) and, optionally, other identification limits.</summary>
    public ProstateMrProtocolAnalyzer(RulePack rulePack, SeriesClassifierOptions? classifierOptions = null)
    {
        RulePack = rulePack;
        _identifier = new StudySeriesIdentifier(new SeriesClassifier(classifierOptions));
    }

    public RulePack RulePack { get; }

    public string Id => AnalyzerId;

    /// <summary>The rules' version and the pack's: a changed limit changes the findings, so it changes the version.</summary>
    public string Version => $"{RulesVersion}+{RulePack.Id}@{RulePack.Version}";

    public bool AppliesTo(InstanceContext instance) => ProstateStudyScope.Includes(instance);

    public ValueTask<AnalysisResult> AnalyzeAsync(StudyContext study, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Evaluate(study).ToAnalysisResult());
    }

    /// <summary>Identifies, measures and judges the study's MR series (images of other studies' modalities are passed over).</summary>
    public ProstateStudyReport Evaluate(StudyContext study)
    {
        IReadOnlyList<IdentifiedSeries> identified = _identifier.Identify(study.Instances);
        List<ProstateSeries> series = ProstateSeriesBuilder.Build(identified);
        List<ProtocolFinding> findings = RulePackEvaluator.Evaluate(RulePack, series);
        return new ProstateStudyReport(study.StudyInstanceUid, RulePack.Id, RulePack.Version, series, findings);
    }
}

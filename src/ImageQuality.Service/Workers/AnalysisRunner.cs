using ImageQuality.Analysis;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Results;

namespace ImageQuality.Service.Workers;

/// <summary>Runs the analyzers that apply to a job's subject and labels their results.</summary>
public sealed class AnalysisRunner(IEnumerable<IAnalyzer> analyzers, InstanceIndex index)
{
    private readonly IInstanceAnalyzer[] _instanceAnalyzers = [.. analyzers.OfType<IInstanceAnalyzer>()];
    private readonly IStudyAnalyzer[] _studyAnalyzers = [.. analyzers.OfType<IStudyAnalyzer>()];

    /// <summary>The outputs for one instance; null when the instance is no longer indexed.</summary>
    public async Task<(ResultSubject Subject, List<AnalyzerOutput> Outputs)?> AnalyzeInstanceAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var record = await index.FindInstanceAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var instance = InstanceContext.Load(record.FilePath);
        var outputs = new List<AnalyzerOutput>();
        foreach (var analyzer in _instanceAnalyzers)
        {
            if (analyzer.AppliesTo(instance))
            {
                var result = await analyzer.AnalyzeAsync(instance, cancellationToken).ConfigureAwait(false);
                outputs.Add(new AnalyzerOutput(analyzer.Id, analyzer.Version, result));
            }
        }

        return (ResultSubject.Instance(record.SopInstanceUid, record.StudyInstanceUid), outputs);
    }

    /// <summary>The outputs for a settled study.</summary>
    public async Task<(ResultSubject Subject, List<AnalyzerOutput> Outputs)> AnalyzeStudyAsync(string studyInstanceUid, CancellationToken cancellationToken)
    {
        var subject = ResultSubject.Study(studyInstanceUid);
        var outputs = new List<AnalyzerOutput>();
        if (_studyAnalyzers.Length == 0)
        {
            return (subject, outputs);
        }

        var records = await index.GetStudyInstancesAsync(studyInstanceUid, cancellationToken).ConfigureAwait(false);
        var study = new StudyContext(studyInstanceUid, [.. records.Select(r => InstanceContext.Load(r.FilePath))]);
        foreach (var analyzer in _studyAnalyzers)
        {
            if (study.Instances.Any(analyzer.AppliesTo))
            {
                var result = await analyzer.AnalyzeAsync(study, cancellationToken).ConfigureAwait(false);
                outputs.Add(new AnalyzerOutput(analyzer.Id, analyzer.Version, result));
            }
        }

        return (subject, outputs);
    }
}

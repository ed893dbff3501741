using ImageQuality.Storage.Index;
using ImageQuality.Storage.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImageQuality.Service.Api;

/// <summary>GET /api/studies (newest first, paged, filterable) and GET /api/studies/{StudyInstanceUID}.</summary>
internal static class StudiesApi
{
    public static void MapStudiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/studies", ListAsync)
            .WithName("ListStudies")
            .WithSummary("Studies, the most recently received first")
            .WithDescription("Query: page (from 0), pageSize (1–1000, default 50), modality (e.g. MG), patientId, since (ISO 8601: received at or after).");
        app.MapGet("/api/studies/{studyInstanceUid}", GetAsync)
            .WithName("GetStudy")
            .WithSummary("A study with its series, instances, and current findings with the analyzer versions that made them");
    }

    private static async Task<IResult> ListAsync(InstanceIndex index, int? page, int? pageSize, string? modality, string? patientId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var query = new StudyQuery(page ?? 0, pageSize ?? 50, modality, patientId, since);
        if (query.Page < 0 || query.PageSize is < 1 or > 1000)
        {
            return Results.Problem("page must be 0 or more and pageSize 1 to 1000", statusCode: StatusCodes.Status400BadRequest);
        }

        var studies = await index.ListStudiesAsync(query, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new { page = query.Page, pageSize = query.PageSize, studies });
    }

    private static async Task<IResult> GetAsync(string studyInstanceUid, InstanceIndex index, ResultStore results, CancellationToken cancellationToken)
    {
        var study = await index.FindStudyAsync(studyInstanceUid, cancellationToken).ConfigureAwait(false);
        if (study is null)
        {
            return Results.Problem($"No study {studyInstanceUid} is indexed", statusCode: StatusCodes.Status404NotFound);
        }

        var instances = await index.GetStudyInstancesAsync(studyInstanceUid, cancellationToken).ConfigureAwait(false);
        var current = await results.GetCurrentForStudyAsync(studyInstanceUid, cancellationToken).ConfigureAwait(false);
        var byInstance = current.Where(r => r.Scope == ResultScope.Instance).ToLookup(r => r.SubjectUid);
        var series = instances
            .GroupBy(i => i.SeriesInstanceUid)
            .Select(g => new
            {
                seriesInstanceUid = g.Key,
                modality = g.First().Modality,
                seriesNumber = g.First().SeriesNumber,
                seriesDescription = g.First().SeriesDescription,
                instances = g.Select(i => new
                {
                    i.SopInstanceUid,
                    i.SopClassUid,
                    i.InstanceNumber,
                    i.ViewPosition,
                    i.ImageLaterality,
                    i.PresentationIntentType,
                    i.Operator,
                    i.StationName,
                    i.Manufacturer,
                    i.ManufacturerModelName,
                    i.CallingAeTitle,
                    i.TransferSyntaxUid,
                    i.ReceivedAt,
                    image = $"/api/instances/{i.SopInstanceUid}/image.png",
                    overlay = $"/api/instances/{i.SopInstanceUid}/overlay.png",
                    results = byInstance[i.SopInstanceUid].Select(Describe),
                }),
            });
        return Results.Ok(new
        {
            study,
            series,
            studyResults = current.Where(r => r.Scope == ResultScope.Study).Select(Describe),
        });
    }

    private static object Describe(StoredResult r) => new
    {
        r.AnalyzerId,
        r.AnalyzerVersion,
        r.ModelVersion,
        r.Revision,
        r.CreatedAt,
        findings = r.Findings.Select(f => new
        {
            f.CriterionId,
            outcome = ResultStoreNames.Outcome(f.Outcome),
            f.Message,
            f.MeasuredValue,
            f.Unit,
            f.Threshold,
            f.Confidence,
            f.SopInstanceUid,
            f.Overlay,
        }),
    };
}

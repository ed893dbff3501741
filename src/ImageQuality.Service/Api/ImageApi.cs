using ImageQuality.Analysis;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Analysis.Overlays;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Imaging;
using ImageQuality.Dicom.Imaging.Rendering;
using ImageQuality.Dicom.IO;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SixLabors.ImageSharp;

namespace ImageQuality.Service.Api;

/// <summary>GET /api/instances/{SOPInstanceUID}/image.png?size=N: the first frame rendered with its own window.</summary>
internal static class ImageApi
{
    public static void MapImageApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances/{sopInstanceUid}/image.png", async (string sopInstanceUid, int? size, InstanceIndex index, CancellationToken cancellationToken) =>
            {
                if (size is < 16 or > 4096)
                {
                    return Results.Problem("size must be 16 to 4096 pixels", statusCode: StatusCodes.Status400BadRequest);
                }

                var record = await index.FindInstanceAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    return Results.Problem($"No instance {sopInstanceUid} is indexed", statusCode: StatusCodes.Status404NotFound);
                }

                try
                {
                    var file = DicomFileReader.Read(record.FilePath);
                    using var image = DicomRenderer.Render(file, new RenderOptions { MaxSize = size ?? 1024 });
                    var png = new MemoryStream();
                    await image.SaveAsPngAsync(png, cancellationToken).ConfigureAwait(false);
                    return Results.Bytes(png.ToArray(), "image/png");
                }
                catch (Exception e) when (e is DicomPixelDataException or DicomFormatException or InvalidDataException)
                {
                    return Results.Problem($"The image cannot be rendered: {e.Message}", statusCode: StatusCodes.Status422UnprocessableEntity);
                }
            })
            .WithName("GetInstanceImage")
            .WithSummary("The instance's first frame as PNG, downscaled to at most size pixels (default 1024)");

    public static void MapOverlayApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances/{sopInstanceUid}/overlay.png", async (string sopInstanceUid, int? size, InstanceIndex index, ResultStore results, CancellationToken cancellationToken) =>
            {
                if (size is < 16 or > 4096)
                {
                    return Results.Problem("size must be 16 to 4096 pixels", statusCode: StatusCodes.Status400BadRequest);
                }

                var record = await index.FindInstanceAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    return Results.Problem($"No instance {sopInstanceUid} is indexed", statusCode: StatusCodes.Status404NotFound);
                }

                var findings = (await results.GetCurrentForStudyAsync(record.StudyInstanceUid, cancellationToken).ConfigureAwait(false))
                    .Where(r => r.Scope == ResultScope.Instance && r.SubjectUid == sopInstanceUid)
                    .SelectMany(r => r.Findings)
                    .ToList();
                var shapes = findings.Where(f => f.Overlay is not null).SelectMany(f => f.Overlay!.Shapes).ToList();
                if (shapes.Count == 0)
                {
                    return Results.Problem($"No landmarks have been found on {sopInstanceUid} (not analysed yet, or not a judged view)", statusCode: StatusCodes.Status404NotFound);
                }

                var failed = findings.Where(f => f.Outcome == FindingOutcome.Fail).Select(f => f.CriterionId).ToHashSet(StringComparer.Ordinal);
                try
                {
                    var file = DicomFileReader.Read(record.FilePath);
                    using var image = DicomRenderer.Render(file, new RenderOptions { MaxSize = size ?? 1024 });
                    int columns = file.Dataset.TryGetInt32(DicomTag.Columns, out int c) && c > 0 ? c : image.Width;
                    using var painted = OverlayPainter.Paint(image, new OverlayGeometry(shapes), (double)image.Width / columns, s => PositioningOverlay.Colour(s, failed));
                    var png = new MemoryStream();
                    await painted.SaveAsPngAsync(png, cancellationToken).ConfigureAwait(false);
                    return Results.Bytes(png.ToArray(), "image/png");
                }
                catch (Exception e) when (e is DicomPixelDataException or DicomFormatException or InvalidDataException)
                {
                    return Results.Problem($"The image cannot be rendered: {e.Message}", statusCode: StatusCodes.Status422UnprocessableEntity);
                }
            })
            .WithName("GetInstanceOverlay")
            .WithSummary("The instance's first frame with its landmarks drawn (failed criteria in red), PNG of at most size pixels (default 1024)");
}

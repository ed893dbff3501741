using ImageQuality.Service.Ingest;
using ImageQuality.Storage.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImageQuality.Service.Api;

/// <summary>GET /api/queue: depth by state, the oldest due job's age, the dead letters with their errors.</summary>
internal static class QueueApi
{
    public static void MapQueueApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/queue", async (JobQueue queue, IngestQueue ingest, CancellationToken cancellationToken) =>
            {
                var statistics = await queue.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
                var dead = await queue.GetDeadLettersAsync(100, cancellationToken).ConfigureAwait(false);
                return Results.Ok(new
                {
                    statistics.Pending,
                    statistics.Due,
                    statistics.Running,
                    statistics.Done,
                    statistics.Dead,
                    oldestDueSeconds = statistics.OldestDueAge?.TotalSeconds,
                    ingestBacklog = ingest.Outstanding,
                    deadLetters = dead,
                });
            })
            .WithName("GetQueue")
            .WithSummary("The analysis queue: depth, oldest due job, dead letters");
}

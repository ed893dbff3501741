using ImageQuality.Service.Hosting;
using ImageQuality.Service.Ingest;
using ImageQuality.Storage.Queue;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImageQuality.Service.Api;

/// <summary>/healthz (the process is up), /readyz (database migrated, listener accepting), /metrics (Prometheus text).</summary>
internal static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).WithName("Health").ExcludeFromDescription();
        app.MapGet("/readyz", (ReadinessState readiness) => readiness.IsReady
                ? Results.Text("ready\n")
                : Results.Text($"not ready: database {(readiness.DatabaseReady ? "ready" : "starting")}, listener {(readiness.ListenerReady ? "ready" : "starting")}\n", statusCode: StatusCodes.Status503ServiceUnavailable))
            .WithName("Ready")
            .ExcludeFromDescription();
        app.MapGet("/metrics", async (ServiceMetrics metrics, JobQueue queue, IngestQueue ingest, CancellationToken cancellationToken) =>
                Results.Text(metrics.ToPrometheusText(await queue.GetStatisticsAsync(cancellationToken).ConfigureAwait(false), (int)ingest.Outstanding), "text/plain; version=0.0.4"))
            .WithName("Metrics")
            .ExcludeFromDescription();
    }
}

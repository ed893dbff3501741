using ImageQuality.Service.Ingest;
using ImageQuality.Storage.Migrations;
using Microsoft.Extensions.Hosting;

namespace ImageQuality.Service.Hosting;

/// <summary>
/// Runs first: brings the schema up to date, then queues any stored file the index lacks. Registered before the
/// listener and the workers, so neither starts on an old schema.
/// </summary>
public sealed class DatabaseInitializer(MigrationRunner migrations, StoreReconciler reconciler, ServiceOptions options, ReadinessState readiness) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrations.MigrateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        readiness.DatabaseReady = true;
        if (options.ReconcileStoreOnStart)
        {
            await reconciler.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

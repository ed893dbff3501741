using System.CommandLine;
using System.Globalization;
using ImageQuality.Cli.Serve;
using ImageQuality.Service;
using ImageQuality.Service.Ingest;
using ImageQuality.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// <c>iq import</c>: feeds an existing archive through the service's pipeline (index + jobs) for a retrospective
/// audit. Files are indexed where they lie; a running (or the next) <c>iq serve</c> on the same database analyses them.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The archive folder, searched recursively." };
        var settings = new ServiceDatabaseOptions();
        var command = new Command("import", "Index every DICOM file under a folder and queue it for analysis, in place.\nResumable: run it again after an interruption and what is indexed is passed over unread.\nExit code 0 when every DICOM file was indexed, 1 when some could not be read, 2 on usage errors.")
        {
            folder,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var source = parse.GetValue(folder)!;
            if (!source.Exists)
            {
                error.WriteLine($"iq import: {source.FullName}: no such folder");
                return ExitCodes.UsageError;
            }

            ServeSettings loaded;
            try
            {
                loaded = ServeSettings.Load(parse.GetValue(settings.Config), null, null, parse.GetValue(settings.DataDir), database: parse.GetValue(settings.Database));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
            {
                error.WriteLine($"iq import: bad settings: {e.Message}");
                return ExitCodes.UsageError;
            }

            await using var app = ServiceHost.Build(loaded.Configuration);
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken: cancellation).ConfigureAwait(false);
            var bar = new CountProgress(error, "iq import", !Console.IsErrorRedirected);
            var result = await app.Services.GetRequiredService<FolderImporter>()
                .ImportAsync(source.FullName, new InlineProgress<ImportProgress>(p => bar.Draw(p.Done, p.Total, $"{p.Added} new, {p.AlreadyIndexed} already indexed, {p.Failed} unreadable")), cancellation)
                .ConfigureAwait(false);
            bar.Finish();
            foreach (var problem in result.Problems ?? [])
            {
                error.WriteLine($"iq import: not indexed: {problem}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Total} files: {result.Added} indexed and queued for analysis, {result.AlreadyIndexed} already indexed, {result.Skipped} not DICOM, {result.Failed} unreadable."));
            output.WriteLine("A running `iq serve` on the same database analyses them; or start one.");
            return result.Failed > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}

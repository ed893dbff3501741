using System.CommandLine;
using System.Globalization;
using ImageQuality.Cli.Serve;
using ImageQuality.Service;
using ImageQuality.Service.Workers;
using ImageQuality.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// <c>iq reanalyze --since …</c>: queues the instances received since a date, and their studies, for analysis again
/// (after an analyzer or model update). New results become new revisions; the old ones are kept.
/// </summary>
internal static class ReanalyzeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var since = new Option<string>("--since") { Description = "A date or time (2026-01-01, 2026-01-01T08:00Z) or an age (30d, 12h): instances received since then.", Required = true };
        var settings = new ServiceDatabaseOptions();
        var command = new Command("reanalyze", "Queue instances received since a time, and their studies, for analysis again; a running iq serve does the work.\nExit code 0 on success, 2 on usage errors.")
        {
            since,
        };
        settings.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            if (!TryParseSince(parse.GetValue(since)!, DateTimeOffset.UtcNow, out var from))
            {
                error.WriteLine($"iq reanalyze: --since {parse.GetValue(since)}: expected a date (2026-01-01), a time (2026-01-01T08:00Z) or an age (30d, 12h)");
                return ExitCodes.UsageError;
            }

            ServeSettings loaded;
            try
            {
                loaded = ServeSettings.Load(parse.GetValue(settings.Config), null, null, parse.GetValue(settings.DataDir), database: parse.GetValue(settings.Database));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
            {
                error.WriteLine($"iq reanalyze: bad settings: {e.Message}");
                return ExitCodes.UsageError;
            }

            await using var app = ServiceHost.Build(loaded.Configuration);
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken: cancellation).ConfigureAwait(false);
            var (instances, studies) = await app.Services.GetRequiredService<Reanalysis>().QueueSinceAsync(from, cancellation).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Queued {instances} instance(s) and {studies} stud(ies) received since {from:yyyy-MM-dd HH:mm}Z for analysis; a running `iq serve` on the same database does the work, and the new results become new revisions."));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static bool TryParseSince(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        text = text.Trim();
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? age = char.ToLowerInvariant(text[^1]) switch { 'd' => TimeSpan.FromDays(amount), 'h' => TimeSpan.FromHours(amount), _ => null };
            if (age is { } a)
            {
                since = now - a;
                return true;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }
}

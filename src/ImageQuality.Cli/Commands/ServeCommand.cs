using System.CommandLine;
using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ImageQuality.Cli.Serve;
using ImageQuality.Service;
using ImageQuality.Service.Hosting;
using ImageQuality.Storage.Database;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// <c>iq serve</c>: the service — the storage SCP (C-ECHO, C-STORE) filing received instances under the data folder,
/// the index and job queue, the analysis workers and the HTTP API — until SIGTERM or Ctrl+C; then running
/// associations get <c>Serve:ShutdownTimeout</c> to finish before the rest are aborted.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int?>("--port") { Description = "TCP port (default 11112; Listener:Port)." };
        var aeTitle = new Option<string?>("--ae-title") { Description = "Our AE title (default IMAGEQUALITY; Listener:AeTitle)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Where received instances are filed (default data/ under the working directory; Storage:DataDirectory)." };
        var httpPort = new Option<int?>("--http-port") { Description = "HTTP port of the API and web pages (default 8080; Service:HttpPort; 0 picks a free one)." };
        var database = new Option<string?>("--db") { Description = "Index database: \"Data Source=file.db\" (SQLite, default data/index.db) or a PostgreSQL connection string (Service:Database)." };
        var config = new Option<string?>("--config") { Description = "A JSON settings file, over appsettings.json next to the binary and under IQ_ environment variables and flags." };
        var tlsPort = new Option<int?>("--tls-port") { Description = "DICOM TLS port, served besides --port (default 2762 once a certificate is set; Listener:Tls:Port; 0 picks a free one)." };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "Server certificate for DICOM TLS: PEM (key in it or in --tls-key, further certificates sent as the chain) or PFX; turns TLS on (Listener:Tls:CertificatePath)." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "PEM private key of --tls-cert (Listener:Tls:PrivateKeyPath)." };
        var command = new Command("serve", "Run the service: receive DICOM instances (C-STORE SCP), index and analyse them, serve the HTTP API, until SIGTERM or Ctrl+C.\nExit code 0 after a clean stop, 1 when the listener cannot start, 2 on bad settings.")
        {
            port, aeTitle, dataDir, httpPort, database, config, tlsPort, tlsCert, tlsKey,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            ServeSettings settings;
            try
            {
                var tls = new ServeTlsFlags(parse.GetValue(tlsPort), parse.GetValue(tlsCert), parse.GetValue(tlsKey));
                settings = ServeSettings.Load(parse.GetValue(config), parse.GetValue(port), parse.GetValue(aeTitle), parse.GetValue(dataDir), parse.GetValue(httpPort), parse.GetValue(database), tls);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidDataException)
            {
                error.WriteLine($"iq serve: bad settings: {e.Message}");
                return ExitCodes.UsageError;
            }

            using ILoggerFactory logging = LoggerFactory.Create(b => b
                .AddConfiguration(settings.Configuration.GetSection("Logging"))
                .AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                }));
            ILogger log = logging.CreateLogger("iq.serve");
            return await RunAsync(settings, log, error, cancellation).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ServeSettings settings, ILogger log, TextWriter error, CancellationToken cancellation)
    {
        WebApplication app;
        try
        {
            app = ServiceHost.Build(settings.Configuration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"iq serve: data directory {settings.DataDirectory}: {e.Message}");
            return ExitCodes.Findings;
        }

        await using var _ = app.ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        try
        {
            await app.StartAsync(stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            string tlsPort = settings.Listener.Tls is { } t ? $", {settings.Listener.BindAddress}:{t.Port} (DICOM TLS)" : string.Empty;
            error.WriteLine($"iq serve: cannot listen on {settings.Listener.BindAddress}:{settings.Listener.Port} (DICOM){tlsPort} or the HTTP port: {e.Message}");
            return ExitCodes.Findings;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            // The TLS certificate and keys are read when the listener starts: a file that is there but unusable.
            error.WriteLine($"iq serve: bad settings: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            error.WriteLine($"iq serve: the database cannot be opened: {e.Message}");
            return ExitCodes.Findings;
        }

        var listener = app.Services.GetRequiredService<ListenerService>();
        log.LogInformation(
            "iq serve: AE title {AeTitle}, port {Port}, {Tls}, data directory {DataDirectory}, HTTP port {HttpPort}, database {Provider} (pid {Pid})",
            settings.Listener.AeTitle,
            listener.Port,
            listener.TlsPort == 0 ? "TLS off" : $"TLS port {listener.TlsPort}",
            settings.DataDirectory,
            app.HttpPort(),
            app.Services.GetRequiredService<IndexDatabase>().Provider,
            Environment.ProcessId);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }

        // The listener has no "stop accepting only" switch: associations that start during the wait are served too.
        log.LogInformation("Stopping: {Active} association(s) running, waiting up to {Timeout} s for them", listener.ActiveAssociations, settings.ShutdownTimeout.TotalSeconds);
        var clock = Stopwatch.StartNew();
        while (listener.ActiveAssociations > 0 && clock.Elapsed < settings.ShutdownTimeout)
        {
            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }

        if (listener.ActiveAssociations > 0)
        {
            log.LogWarning("Aborting {Active} association(s) still running after {Timeout} s", listener.ActiveAssociations, settings.ShutdownTimeout.TotalSeconds);
        }

        using (var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(shutdown.Token).ConfigureAwait(false);
        }

        log.LogInformation("Stopped");
        return ExitCodes.Success;

        void OnSignal(PosixSignalContext context)
        {
            // Handled here: the process ends when the service has stopped, not at once.
            context.Cancel = true;
            stop.Cancel();
        }
    }
}

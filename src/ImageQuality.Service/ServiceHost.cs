using System.Net;
using ImageQuality.Analysis;
using ImageQuality.Analysis.Mammography;
using ImageQuality.Analysis.Mammography.Positioning;
using ImageQuality.Analysis.ProstateMr;
using ImageQuality.Analysis.ProstateMr.RulePacks;
using ImageQuality.Dicom.Network.Association;
using ImageQuality.Dicom.Network.Storage;
using ImageQuality.Service.Api;
using ImageQuality.Service.Hosting;
using ImageQuality.Service.Ingest;
using ImageQuality.Service.Workers;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Index;
using ImageQuality.Storage.Migrations;
using ImageQuality.Storage.Queue;
using ImageQuality.Storage.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service;

/// <summary>
/// Builds the service: listener, ingest, workers and HTTP API in one process. Settings come, in rising precedence,
/// from appsettings.json (beside the program, or the file given), environment variables prefixed IQ_ (IQ_Listener__Port,
/// IQ_Service__DataDir…), and the overrides the command line passes.
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(string? configFile = null, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var configuration = new ConfigurationBuilder();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new FileNotFoundException($"The settings file {configFile} does not exist", configFile);
            }

            configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables("IQ_");
        if (overrides is not null)
        {
            configuration.AddInMemoryCollection(overrides);
        }

        return Build(configuration.Build(), configureServices);
    }

    /// <summary>
    /// Builds the service from settings already layered by the caller (the CLI's flags over environment over files).
    /// Sections: "Service", "Listener", "Storage" (DataDirectory, the data folder, wins over Service:DataDir), "Logging".
    /// </summary>
    public static WebApplication Build(IConfiguration configuration, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddConfiguration(configuration);
        var options = builder.Configuration.GetSection("Service").Get<ServiceOptions>() ?? new ServiceOptions();
        if (builder.Configuration["Storage:DataDirectory"] is { Length: > 0 } dataDirectory)
        {
            options.DataDir = dataDirectory;
        }

        var listener = ListenerSettings(builder.Configuration.GetSection("Listener"));
        var store = builder.Configuration.GetSection("Storage").Get<DicomFolderStoreOptions>() ?? new DicomFolderStoreOptions();
        if (store.EventChannelCapacity < 1)
        {
            // The service indexes from the store's announcements; without them nothing would be analysed until the
            // next start. The setting exists for stores used without the service.
            store.EventChannelCapacity = DicomFolderStoreOptions.DefaultEventChannelCapacity;
        }

        store.Validate();
        var positioning = builder.Configuration.GetSection("Mammography:Positioning").Get<PositioningOptions>() ?? new PositioningOptions();
        positioning.Validate();

        // A site's stricter or looser pack replaces the shipped PI-RADS v2.1 one; a broken pack stops the start-up.
        var prostate = builder.Configuration["ProstateMr:RulePackPath"] is { Length: > 0 } pack
            ? new ProstateMrProtocolAnalyzer(RulePack.Load(pack))
            : new ProstateMrProtocolAnalyzer();

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        // One line per event for people ("simple", default) or one JSON object per line for log collectors
        // (Logging:Format = "json"), with the message template's named values as fields.
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }

        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.HttpBindAddress), options.HttpPort));
        builder.Services.AddRoutingCore();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        AddServices(builder.Services, options, listener, store, positioning, prostate);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapStudiesApi();
        app.MapQueueApi();
        app.MapImageApi();
        app.MapOverlayApi();
        return app;
    }

    /// <summary>The HTTP port the app listens on (useful when the setting was 0).</summary>
    public static int HttpPort(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The HTTP server is not started");
        return new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)).Port;
    }

    /// <summary>
    /// The listener's settings. Where the transfer syntaxes are not configured, lossless compressed syntaxes are
    /// preferred to uncompressed ones: a modality that offers JPEG Lossless in the same context as Explicit VR
    /// Little Endian then sends what it holds, unconverted, and the store keeps the smaller file. Configured lists
    /// replace the default instead of being appended to it (the binder's behaviour for lists).
    /// </summary>
    internal static DicomListenerOptions ListenerSettings(IConfigurationSection section)
    {
        var listener = section.Get<DicomListenerOptions>() ?? new DicomListenerOptions();
        var configured = section.GetSection(nameof(DicomListenerOptions.AcceptedTransferSyntaxes));
        if (configured.Exists())
        {
            listener.AcceptedTransferSyntaxes = configured.Get<List<string>>() ?? [];
        }
        else
        {
            string[] lossless = ["1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.5"];
            listener.AcceptedTransferSyntaxes = [.. DicomListenerOptions.DefaultTransferSyntaxes.Where(lossless.Contains), .. DicomListenerOptions.DefaultTransferSyntaxes.Where(s => !lossless.Contains(s))];
        }

        return listener;
    }

    private static void AddServices(IServiceCollection services, ServiceOptions options, DicomListenerOptions listener, DicomFolderStoreOptions store, PositioningOptions positioning, ProstateMrProtocolAnalyzer prostate)
    {
        Directory.CreateDirectory(options.StoreFolder);
        services.AddSingleton(options);
        services.AddSingleton(listener);
        services.AddSingleton(store);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => IndexDatabase.Open(options.DatabaseConnectionString));
        services.AddSingleton(sp => new MigrationRunner(sp.GetRequiredService<IndexDatabase>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<MigrationRunner>()));
        services.AddSingleton(sp => new JobQueue(sp.GetRequiredService<IndexDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<InstanceIndex>();
        services.AddSingleton(sp => new ResultStore(sp.GetRequiredService<IndexDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<ReadinessState>();
        services.AddSingleton<IngestQueue>();
        services.AddSingleton<InstanceIngestor>();
        services.AddSingleton<StoreReconciler>();
        services.AddSingleton<AnalysisRunner>();
        services.AddSingleton<FolderImporter>();
        services.AddSingleton<Reanalysis>();
        services.AddSingleton<IAnalyzer>(new MammographyHeaderAnalyzer(new MammographyHeaderOptions { OperatorAttribute = options.OperatorAttribute }));
        services.AddSingleton<IAnalyzer, MammographyExamAnalyzer>();

        // One engine (one loaded model) for every worker and both positioning analyzers.
        services.AddSingleton(_ => new PositioningEngine(positioning));
        services.AddSingleton<IAnalyzer, MammographyPositioningAnalyzer>();
        services.AddSingleton<IAnalyzer, MammographyPositioningExamAnalyzer>();
        services.AddSingleton<IAnalyzer>(prostate);

        // Start order matters: schema first, then indexing and workers, then the listener that feeds them.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<IngestService>();
        services.AddHostedService<AnalysisWorkerService>();
        services.AddSingleton<ListenerService>();
        services.AddHostedService(sp => sp.GetRequiredService<ListenerService>());
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ImageQuality.Service.Hosting;
using ImageQuality.Storage.Database;
using ImageQuality.Storage.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ImageQuality.Service.Tests.Support;

/// <summary>The whole service in this process, on free ports, a temp data folder and a throw-away database.</summary>
internal sealed class ServiceUnderTest : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServiceUnderTest(WebApplication app, string dataDir)
    {
        _app = app;
        DataDir = dataDir;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.HttpPort()}"), Timeout = TimeSpan.FromSeconds(30) };
        DicomPort = app.Services.GetRequiredService<ListenerService>().Port;
    }

    public string DataDir { get; }

    public int DicomPort { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ServiceUnderTest> StartAsync(TestDatabase database, string dataDir, TimeSpan? settle = null)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Service:DataDir"] = dataDir,
            ["Service:Database"] = database.ConnectionString,
            ["Service:HttpPort"] = "0",
            ["Service:HttpBindAddress"] = "127.0.0.1",
            ["Service:Workers"] = "2",
            ["Service:StudySettleTime"] = (settle ?? TimeSpan.FromSeconds(1)).ToString("c", CultureInfo.InvariantCulture),
            ["Service:QueuePollInterval"] = "00:00:00.200",
            ["Listener:Port"] = "0",
            ["Listener:BindAddress"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = ServiceHost.Build(overrides: overrides);
        await app.StartAsync();
        return new ServiceUnderTest(app, dataDir);
    }

    /// <summary>Waits until nothing is waiting to be indexed or analysed (settle times included).</summary>
    public async Task<JsonElement> WaitUntilIdleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var queue = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
            var busy = queue.GetProperty("pending").GetInt64() + queue.GetProperty("running").GetInt64() + queue.GetProperty("ingestBacklog").GetInt64();
            if (busy == 0)
            {
                return queue;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The service did not finish its work in {timeout}: {queue}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

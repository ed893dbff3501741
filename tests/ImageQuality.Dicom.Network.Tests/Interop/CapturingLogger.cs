using Microsoft.Extensions.Logging;

namespace ImageQuality.Dicom.Network.Tests.Interop;

/// <summary>Keeps every formatted log line, so that tests can check that a fault is logged as one clear line.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string line = $"{logLevel}: {formatter(state, exception)}";
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}

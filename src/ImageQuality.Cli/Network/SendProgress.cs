using System.Diagnostics;
using System.Globalization;

namespace ImageQuality.Cli.Network;

/// <summary>
/// Progress of <c>iq send</c> on stderr: a bar redrawn in place when stderr is a terminal, else a plain line every
/// few seconds (logs and pipes get readable lines, not carriage returns).
/// </summary>
internal sealed class SendProgress
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly int _total;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDrawn;
    private int _done;
    private long _bytes;

    public SendProgress(TextWriter error, bool terminal, int total, long totalBytes)
    {
        _error = error;
        _terminal = terminal;
        _total = total;
        _totalBytes = totalBytes;
        _lastDrawn = _clock.Elapsed;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Advance(long bytes)
    {
        _done++;
        _bytes += bytes;
        TimeSpan now = _clock.Elapsed;
        if (now - _lastDrawn >= (_terminal ? TerminalInterval : PlainInterval))
        {
            _lastDrawn = now;
            Draw(now);
        }
    }

    /// <summary>Ends the bar's line so that what follows starts on its own.</summary>
    public void Finish()
    {
        if (_terminal)
        {
            Draw(_clock.Elapsed);
            _error.WriteLine();
        }
    }

    private void Draw(TimeSpan now)
    {
        double rate = _done / Math.Max(now.TotalSeconds, 1e-6);
        string figures = string.Create(CultureInfo.InvariantCulture, $"{_done}/{_total} instances, {_bytes / 1e6:0.0}/{_totalBytes / 1e6:0.0} MB, {rate:0.0} instances/s");
        if (_terminal)
        {
            const int width = 30;
            int filled = _total == 0 ? width : (int)((long)width * _done / _total);
            _error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {figures}  ");
        }
        else
        {
            _error.WriteLine($"iq send: {figures}");
        }
    }
}

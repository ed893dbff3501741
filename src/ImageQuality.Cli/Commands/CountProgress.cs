using System.Diagnostics;
using System.Globalization;

namespace ImageQuality.Cli.Commands;

/// <summary>
/// Progress of a long verb on stderr: a bar redrawn in place on a terminal, else a plain line every few seconds.
/// </summary>
internal sealed class CountProgress(TextWriter error, string verb, bool terminal)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDrawn;

    public void Draw(int done, int total, string detail)
    {
        var now = _clock.Elapsed;
        if (done != total && _lastDrawn is { } last && now - last < (terminal ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(5)))
        {
            return;
        }

        _lastDrawn = now;
        var rate = done / Math.Max(now.TotalSeconds, 1e-6);
        var figures = string.Create(CultureInfo.InvariantCulture, $"{done}/{total} files, {rate:0.0} files/s, {detail}");
        if (terminal)
        {
            const int width = 30;
            var filled = total == 0 ? width : (int)((long)width * done / total);
            error.Write($"\r[{new string('#', filled)}{new string('-', width - filled)}] {figures}  ");
        }
        else
        {
            error.WriteLine($"{verb}: {figures}");
        }
    }

    public void Finish()
    {
        if (terminal)
        {
            error.WriteLine();
        }
    }
}

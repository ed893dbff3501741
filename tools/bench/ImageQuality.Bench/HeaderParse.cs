using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Bench;

/// <summary>The operations being measured, shared by the BenchmarkDotNet benchmarks and the compare mode.</summary>
internal static class HeaderParse
{
    /// <summary>Values longer than this stay in the file in the deferred full parse.</summary>
    public const int DeferLimit = 64 * 1024;

    public static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };

    public static readonly DicomReadOptions FullDeferred = new() { DeferValuesLongerThan = DeferLimit };

    /// <summary>Header-only parse; returns the element count so the work cannot be optimised away.</summary>
    public static int Parse(string path) => DicomFile.Open(path, HeaderOnly).Dataset.Count;

    public static int ParseDeferred(string path) => DicomFile.Open(path, FullDeferred).Dataset.Count;

    public static int ParseAll(IReadOnlyList<string> files)
    {
        int elements = 0;
        for (int i = 0; i < files.Count; i++)
        {
            elements += Parse(files[i]);
        }

        return elements;
    }

    /// <summary>False with the reason for a file the reader rejects (some corpus files are broken on purpose).</summary>
    public static bool TryParse(string path, out string? error)
    {
        try
        {
            Parse(path);
            error = null;
            return true;
        }
        catch (DicomFormatException e)
        {
            error = e.Message;
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            error = $"{e.GetType().Name}: {e.Message}";
            return false;
        }
    }
}

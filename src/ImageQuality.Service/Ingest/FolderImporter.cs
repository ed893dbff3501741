using ImageQuality.Dicom.IO;
using ImageQuality.Storage.Index;
using Microsoft.Extensions.Logging;

namespace ImageQuality.Service.Ingest;

/// <summary>
/// Feeds an existing archive through the same pipeline as received instances (retrospective audits): every DICOM
/// file under a folder is indexed where it lies and its jobs queued; a running service on the same database
/// analyses them. Resumable: files whose path is already indexed are passed over without being read, and an
/// instance already indexed from elsewhere is kept once.
/// </summary>
public sealed partial class FolderImporter(InstanceIngestor ingestor, InstanceIndex index, ILogger<FolderImporter> logger)
{
    public async Task<ImportProgress> ImportAsync(string folder, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder {folder} does not exist");
        }

        var enumeration = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = Directory.EnumerateFiles(Path.GetFullPath(folder), "*", enumeration).Order(StringComparer.Ordinal).ToList();
        var indexed = await index.GetIndexedPathsAsync(cancellationToken).ConfigureAwait(false);
        int done = 0, added = 0, already = 0, skipped = 0, failed = 0;
        long bytes = 0;
        var problems = new List<string>();
        var lastReport = DateTime.MinValue;
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (indexed.Contains(path))
            {
                already++;
            }
            else if (!LooksLikeDicom(path))
            {
                skipped++;
            }
            else
            {
                try
                {
                    var outcome = await ingestor.IngestAsync(new ReceivedInstance(path, null, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
                    if (outcome == IndexOutcome.AlreadyIndexed)
                    {
                        already++;
                    }
                    else
                    {
                        added++;
                    }

                    bytes += new FileInfo(path).Length;
                }
                catch (Exception e) when (e is DicomFormatException or InvalidDataException or IOException or EndOfStreamException)
                {
                    failed++;

                    // The reader's messages usually start with the file's path already.
                    string problem = e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message : $"{path}: {e.Message}";
                    LogNotImported(problem);
                    if (problems.Count < 50)
                    {
                        problems.Add(problem);
                    }
                }
            }

            done++;
            if (progress is not null && done < files.Count && DateTime.UtcNow - lastReport > TimeSpan.FromMilliseconds(200))
            {
                lastReport = DateTime.UtcNow;
                progress.Report(new ImportProgress(files.Count, done, added, already, skipped, failed, bytes));
            }
        }

        // The last report is the result itself, so a progress display ends with the problems listed.
        var result = new ImportProgress(files.Count, done, added, already, skipped, failed, bytes, problems);
        progress?.Report(result);
        LogImported(folder, added, already, skipped, failed);
        return result;
    }

    /// <summary>A Part 10 file ("DICM" at 128) or, as some archives hold, a bare data set starting with a group 0008 tag.</summary>
    private static bool LooksLikeDicom(string path)
    {
        Span<byte> head = stackalloc byte[132];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read >= 132 && head[128] == (byte)'D' && head[129] == (byte)'I' && head[130] == (byte)'C' && head[131] == (byte)'M')
        {
            return true;
        }

        return read >= 8 && head[1] == 0 && (head[0] == 0x08 || head[0] == 0x02) && head[2] <= 0x20;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not imported: {Problem}")]
    private partial void LogNotImported(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Folder}: {Added} new, {Already} already indexed, {Skipped} not DICOM, {Failed} unreadable")]
    private partial void LogImported(string folder, int added, int already, int skipped, int failed);
}

using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Cli.Network;

/// <summary>
/// The files named on the command line, folders walked recursively, in a stable (ordinal) order. Each file's header
/// is read up to Pixel Data; files that are not DICOM, or lack a SOP class or instance UID, are counted and left out.
/// </summary>
internal sealed class SendSource
{
    public List<SendItem> Items { get; } = [];

    public List<string> Missing { get; } = [];

    /// <summary>Files that are not DICOM (or not a storable instance), with why.</summary>
    public List<(string Path, string Why)> Skipped { get; } = [];

    public static SendSource Scan(IEnumerable<string> paths)
    {
        var source = new SendSource();
        var readOptions = new DicomReadOptions { StopBeforePixelData = true };
        foreach (string path in paths)
        {
            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                source.Missing.Add(path);
                continue;
            }

            foreach (string file in files)
            {
                source.Add(file, readOptions);
            }
        }

        return source;
    }

    private void Add(string path, DicomReadOptions readOptions)
    {
        try
        {
            DicomFile header = DicomFile.Open(path, readOptions);
            string? sopClass = header.Dataset.GetString(DicomTag.SOPClassUID) ?? header.FileMetaInformation.GetString(DicomTag.MediaStorageSOPClassUID);
            string? sopInstance = header.Dataset.GetString(DicomTag.SOPInstanceUID) ?? header.FileMetaInformation.GetString(DicomTag.MediaStorageSOPInstanceUID);
            if (string.IsNullOrWhiteSpace(sopClass) || string.IsNullOrWhiteSpace(sopInstance))
            {
                Skipped.Add((path, "no SOP Class UID or SOP Instance UID"));
                return;
            }

            Items.Add(new SendItem(path, sopClass.Trim(), sopInstance.Trim(), header.TransferSyntax, new FileInfo(path).Length));
        }
        catch (Exception e) when (e is DicomFormatException or IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            Skipped.Add((path, e.Message));
        }
    }
}

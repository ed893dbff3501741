namespace ImageQuality.Dicom.IO;

/// <summary>
/// The bytes are not a DICOM file or data set this toolkit can read. The message names the byte offset and,
/// where one was being read, the tag; it never holds a value, which could be patient data.
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException(string message, long offset, DicomTag? tag = null, string? source = null, Exception? inner = null)
        : base(Compose(message, offset, tag, source), inner)
    {
        Offset = offset;
        Tag = tag;
        SourceName = source;
    }

    /// <summary>Byte offset in the file (or in the inflated stream for deflated data sets) where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The tag being read, when known.</summary>
    public DicomTag? Tag { get; }

    /// <summary>The file path or stream name, when known.</summary>
    public string? SourceName { get; }

    private static string Compose(string message, long offset, DicomTag? tag, string? source)
    {
        string where = tag is { } t ? $"at offset {offset} reading {t}" : $"at offset {offset}";
        return source is null ? $"{message} ({where})" : $"{source}: {message} ({where})";
    }
}

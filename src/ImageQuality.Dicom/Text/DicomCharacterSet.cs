using System.Text;

namespace ImageQuality.Dicom.Text;

// Placeholder replaced by the charset branch.
public sealed class DicomCharacterSet
{
    public static DicomCharacterSet Default { get; } = new();

    public static DicomCharacterSet FromSpecificCharacterSet(IReadOnlyList<string> terms, out string? problem)
    {
        problem = null;
        return Default;
    }

    public string Decode(ReadOnlySpan<byte> value, DicomVR vr) => Encoding.Latin1.GetString(value);

    public byte[] Encode(string value, DicomVR vr) => Encoding.Latin1.GetBytes(value);
}

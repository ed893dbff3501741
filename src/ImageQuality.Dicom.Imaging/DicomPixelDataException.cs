namespace ImageQuality.Dicom.Imaging;

/// <summary>Pixel data that cannot be decoded: malformed, truncated, or in a syntax whose codec is missing.</summary>
public class DicomPixelDataException : Exception
{
    public DicomPixelDataException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// A codec's native library is not installed. The message names the Debian package that provides it, so the
/// listener can refuse the transfer syntax and an operator knows what to install.
/// </summary>
public sealed class CodecUnavailableException : DicomPixelDataException
{
    public CodecUnavailableException(TransferSyntax syntax, string reason)
        : base($"Cannot decode {syntax.Name} ({syntax.Uid}): {reason}")
    {
        TransferSyntax = syntax;
    }

    public TransferSyntax TransferSyntax { get; }
}

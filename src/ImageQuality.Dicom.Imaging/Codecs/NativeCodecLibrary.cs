using System.Runtime.InteropServices;

namespace ImageQuality.Dicom.Imaging.Codecs;

/// <summary>
/// A shared library a codec calls into, loaded by name (never bundled: the operating system's package provides it).
/// When it or one of its functions is missing, the codec stays registered but unavailable, with a reason that
/// names the Debian package to install.
/// </summary>
internal sealed class NativeCodecLibrary
{
    private readonly nint _handle;

    private NativeCodecLibrary(string name, nint handle)
    {
        Name = name;
        _handle = handle;
    }

    public string Name { get; }

    public static NativeCodecLibrary? TryLoad(string name, string debianPackage, out string? unavailableReason)
    {
        if (!NativeLibrary.TryLoad(name, out nint handle))
        {
            unavailableReason = $"{name} not found: install the Debian package {debianPackage}";
            return null;
        }

        unavailableReason = null;
        return new NativeCodecLibrary(name, handle);
    }

    /// <summary>The address of an exported function, or a <see cref="EntryPointNotFoundException"/> naming it.</summary>
    public nint Export(string function)
    {
        if (!NativeLibrary.TryGetExport(_handle, function, out nint address))
        {
            throw new EntryPointNotFoundException($"{Name} has no function {function} (an older or incompatible version?)");
        }

        return address;
    }
}

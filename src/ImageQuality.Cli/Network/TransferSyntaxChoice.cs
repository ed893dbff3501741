using ImageQuality.Dicom;
using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Cli.Network;

/// <summary>
/// What <c>--transfer-syntax</c> asks for. The toolkit re-encodes native (uncompressed) data sets between explicit
/// and implicit VR little endian with its own writer; it does not compress or decompress on sending, so files in an
/// encapsulated syntax can only travel as they are, and are refused (not sent) when another syntax is asked for.
/// </summary>
internal sealed class TransferSyntaxChoice
{
    private TransferSyntaxChoice(TransferSyntax? target) => Target = target;

    /// <summary>Null: send each file in its own syntax (with native fallbacks when the peer refuses it).</summary>
    public TransferSyntax? Target { get; }

    public static TransferSyntaxChoice AsIs { get; } = new(null);

    public static bool TryParse(string text, out TransferSyntaxChoice choice, out string error)
    {
        error = string.Empty;
        choice = AsIs;
        switch (text.Trim().ToLowerInvariant())
        {
            case "as-is":
                return true;
            case "explicit-le" or "1.2.840.10008.1.2.1":
                choice = new TransferSyntaxChoice(TransferSyntax.ExplicitVRLittleEndian);
                return true;
            case "implicit-le" or "1.2.840.10008.1.2":
                choice = new TransferSyntaxChoice(TransferSyntax.ImplicitVRLittleEndian);
                return true;
            default:
                error = $"--transfer-syntax '{text}' is not supported: use as-is, explicit-le (1.2.840.10008.1.2.1) or implicit-le (1.2.840.10008.1.2). "
                    + "Sending does not compress or decompress; only native data sets are re-encoded.";
                return false;
        }
    }

    /// <summary>Why the file cannot be sent as asked, or null when it can.</summary>
    public string? Refusal(SendItem item) => Target is not null && item.TransferSyntax.IsEncapsulated
        ? $"in {item.TransferSyntax.Name}, which is not converted to {Target.Name} (no decompression on sending)"
        : null;

    /// <summary>The (SOP class, transfer syntax) pairs to propose for a file, one presentation context each.</summary>
    public IEnumerable<(string SopClass, string Syntax)> ContextKeys(SendItem item)
    {
        if (Target is not null)
        {
            yield return (item.SopClassUid, Target.Uid);
            yield break;
        }

        yield return (item.SopClassUid, item.TransferSyntax.Uid);
        if (!item.TransferSyntax.IsEncapsulated)
        {
            yield return (item.SopClassUid, DicomUids.ExplicitVRLittleEndian);
            yield return (item.SopClassUid, DicomUids.ImplicitVRLittleEndian);
        }
    }

    public List<PresentationContextRequestItem> Propose(IEnumerable<SendItem> items)
    {
        var contexts = new List<PresentationContextRequestItem>();
        var seen = new HashSet<(string, string)>();
        foreach ((string sopClass, string syntax) in items.SelectMany(ContextKeys))
        {
            if (seen.Add((sopClass, syntax)))
            {
                contexts.Add(new PresentationContextRequestItem((byte)((contexts.Count * 2) + 1), sopClass, [syntax]));
            }
        }

        return contexts;
    }
}

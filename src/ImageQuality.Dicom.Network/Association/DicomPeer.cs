namespace ImageQuality.Dicom.Network.Association;

/// <summary>A calling AE title allowed to associate, optionally only from some IP addresses.</summary>
public sealed class DicomPeer
{
    public DicomPeer()
    {
    }

    public DicomPeer(string aeTitle, params string[] addresses)
    {
        AeTitle = aeTitle;
        Addresses = [.. addresses];
    }

    public string AeTitle { get; set; } = string.Empty;

    /// <summary>IP addresses (text form, IPv4 or IPv6) the AE may call from; empty allows any address.</summary>
    public List<string> Addresses { get; set; } = [];
}

using ImageQuality.Dicom.Network.Pdus.Items;

namespace ImageQuality.Dicom.Network.Association;

/// <summary>
/// Settings of the storage SCP listener: who may associate, what it accepts, and every limit and timeout.
/// Plain settable properties so that configuration binding can fill them.
/// </summary>
public sealed class DicomListenerOptions
{
    public const string DefaultAeTitle = "IMAGEQUALITY";

    public const int DefaultPort = 11112;

    /// <summary>Our AE title: up to 16 characters of the default repertoire, no backslash or control characters.</summary>
    public string AeTitle { get; set; } = DefaultAeTitle;

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// DICOM TLS on a port of its own (2762 by default), served besides the plain TCP port; null: no TLS. The TLS
    /// handshake must complete within <see cref="ArtimTimeout"/>.
    /// </summary>
    public DicomTlsOptions? Tls { get; set; }

    /// <summary>The address to listen on: "0.0.0.0" (all IPv4), "::" (all, dual stack) or one address.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Calling AE titles allowed to associate, each optionally tied to IP addresses. Empty allows any caller.</summary>
    public List<DicomPeer> AllowedCallers { get; set; } = [];

    /// <summary>Whether the called AE title of a request must equal <see cref="AeTitle"/> (else A-ASSOCIATE-RJ 1/1/7).</summary>
    public bool RequireCalledAeMatch { get; set; } = true;

    /// <summary>
    /// Abstract syntaxes (SOP class UIDs) accepted. Null accepts every storage SOP class of the standard and
    /// Verification; a list accepts exactly those.
    /// </summary>
    public List<string>? AcceptedSopClasses { get; set; }

    /// <summary>
    /// Transfer syntaxes accepted, most preferred first: of the syntaxes a peer offers for a context, the first one
    /// in this list is chosen.
    /// </summary>
    public List<string> AcceptedTransferSyntaxes { get; set; } = [.. DefaultTransferSyntaxes];

    /// <summary>Associations at once; the next request is rejected transiently, source 3, reason 2.</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>
    /// The longest P-DATA-TF variable field we receive, announced in A-ASSOCIATE-AC (PS3.8 D.1). 131072 is the
    /// largest dcmtk negotiates (storescu offers 16384 by default and sends up to what we announce). A larger
    /// P-DATA-TF from the peer is answered with A-ABORT (source 2, reason 6).
    /// </summary>
    public int MaxPduLength { get; set; } = 131072;

    /// <summary>The longest association-control PDU (an A-ASSOCIATE-RQ with many contexts or a large identity token).</summary>
    public int MaxAssociatePduLength { get; set; } = 1 << 20;

    /// <summary>The longest command set; real ones are a few hundred bytes.</summary>
    public int MaxCommandSetLength { get; set; } = 1 << 16;

    /// <summary>
    /// Received data fragments (up to one PDU each) queued between the network reader and storage. When storage
    /// falls behind the queue fills and the reader stops reading, so TCP slows the sender: memory per association
    /// is bounded by about this many PDUs whatever the instance size.
    /// </summary>
    public int MaxQueuedFragments { get; set; } = 32;

    /// <summary>
    /// ARTIM timer (PS3.8 9.1.5): the time from accepting a connection to receiving the whole A-ASSOCIATE-RQ, and
    /// the time we wait for the peer to close after A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT.
    /// </summary>
    public TimeSpan ArtimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a peer may take to take in an association-control PDU we send (AC, RJ, RP, A-ABORT).</summary>
    public TimeSpan AcseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Within a DIMSE message: the longest gap between two of its PDUs (a peer that stops mid-instance), the longest
    /// storage may keep the fragment queue full, and the longest a response takes to send. Then A-ABORT.
    /// </summary>
    public TimeSpan DimseTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest an established association may stay silent between messages before it is aborted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Native syntaxes first (no decompression needed to analyse, and what most senders have), then every
    /// compressed syntax whose data a receiver keeps as sent: lossless before lossy.
    /// </summary>
    public static IReadOnlyList<string> DefaultTransferSyntaxes { get; } =
    [
        DicomUids.ExplicitVRLittleEndian,
        DicomUids.ImplicitVRLittleEndian,
        TransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
        TransferSyntax.ExplicitVRBigEndian.Uid,
        TransferSyntax.JPEGLosslessSV1.Uid,
        TransferSyntax.JPEGLossless.Uid,
        TransferSyntax.JPEGLSLossless.Uid,
        TransferSyntax.JPEG2000Lossless.Uid,
        TransferSyntax.HTJ2KLossless.Uid,
        TransferSyntax.HTJ2KLosslessRPCL.Uid,
        TransferSyntax.RLELossless.Uid,
        TransferSyntax.JPEGBaseline8Bit.Uid,
        TransferSyntax.JPEGExtended12Bit.Uid,
        TransferSyntax.JPEGLSNearLossless.Uid,
        TransferSyntax.JPEG2000.Uid,
        TransferSyntax.HTJ2K.Uid,
    ];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        AeTitles.Validate(AeTitle, nameof(AeTitle));
        foreach (DicomPeer peer in AllowedCallers)
        {
            AeTitles.Validate(peer.AeTitle, nameof(AllowedCallers));
            foreach (string address in peer.Addresses)
            {
                if (!System.Net.IPAddress.TryParse(address, out _))
                {
                    throw new ArgumentException($"{nameof(AllowedCallers)}: '{address}' of {peer.AeTitle} is not an IP address");
                }
            }
        }

        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            throw new ArgumentException($"{nameof(BindAddress)} '{BindAddress}' is not an IP address");
        }

        Require(Port is >= 0 and <= 65535, nameof(Port), "0 to 65535");
        Tls?.Validate(Port);
        Require(MaxAssociations >= 1, nameof(MaxAssociations), "at least 1");
        Require(MaxPduLength is >= 4096 and <= 1 << 24, nameof(MaxPduLength), "4096 to 16 MiB");
        Require(MaxAssociatePduLength >= 4096, nameof(MaxAssociatePduLength), "at least 4096");
        Require(MaxCommandSetLength >= 1024, nameof(MaxCommandSetLength), "at least 1024");
        Require(MaxQueuedFragments >= 1, nameof(MaxQueuedFragments), "at least 1");
        Require(AcceptedTransferSyntaxes.Count > 0, nameof(AcceptedTransferSyntaxes), "not empty");
        foreach ((TimeSpan value, string name) in new[] { (ArtimTimeout, nameof(ArtimTimeout)), (AcseTimeout, nameof(AcseTimeout)), (DimseTimeout, nameof(DimseTimeout)), (IdleTimeout, nameof(IdleTimeout)) })
        {
            Require(value > TimeSpan.Zero, name, "positive");
        }
    }

    private static void Require(bool ok, string name, string range)
    {
        if (!ok)
        {
            throw new ArgumentException($"{name} must be {range}");
        }
    }
}

using System.Net.Sockets;
using System.Security.Authentication;
using ImageQuality.Dicom.Network.Client;
using ImageQuality.Dicom.Network.Pdus;

namespace ImageQuality.Cli.Network;

/// <summary>
/// Which failures of an association are worth another try (the peer was busy, restarting or the network hiccuped)
/// and which are not (the peer said no for good, or the name does not resolve), and how to say each in one line.
/// </summary>
internal static class NetworkErrors
{
    public static bool IsTransient(Exception e, CancellationToken userCancellation) => e switch
    {
        DicomAssociationRejectedException rj => rj.Result == RejectResult.Transient,
        DicomAssociationAbortedException => true,
        TimeoutException => true,
        // Our own connect timeout cancels; the user's Ctrl+C must not be retried.
        OperationCanceledException => !userCancellation.IsCancellationRequested,
        SocketException s => IsTransient(s.SocketErrorCode),
        IOException { InnerException: SocketException s } => IsTransient(s.SocketErrorCode),
        IOException => true,
        _ => false,
    };

    public static string Describe(Exception e) => e switch
    {
        DicomAssociationRejectedException rj => $"association rejected ({(rj.Result == RejectResult.Transient ? "transient" : "permanent")}, source {(byte)rj.RejectSource}, reason {rj.Reason}: {RejectText(rj)})",
        DicomAssociationAbortedException a => a.Message,
        SocketException s => $"{s.Message} ({s.SocketErrorCode})",
        IOException { InnerException: SocketException s } => $"{s.Message} ({s.SocketErrorCode})",
        // The TLS layer's own words ("corrupted frame") when the peer speaks no TLS; our rejections start "TLS with".
        AuthenticationException a when !a.Message.StartsWith("TLS with", StringComparison.Ordinal) => $"TLS handshake failed ({a.Message}); is this the peer's DICOM TLS port?",
        OperationCanceledException => "no connection within the timeout",
        _ => e.Message,
    };

    private static bool IsTransient(SocketError error) => error is SocketError.ConnectionRefused or SocketError.ConnectionReset
        or SocketError.ConnectionAborted or SocketError.TimedOut or SocketError.HostUnreachable or SocketError.NetworkUnreachable
        or SocketError.NetworkReset or SocketError.TryAgain or SocketError.Shutdown;

    /// <summary>PS3.8 Table 9-21: the reason means something different for each source.</summary>
    private static string RejectText(DicomAssociationRejectedException rj) => ((byte)rj.RejectSource, rj.Reason) switch
    {
        (1, RejectReason.CallingAeTitleNotRecognized) => "calling AE title not recognized",
        (1, RejectReason.CalledAeTitleNotRecognized) => "called AE title not recognized",
        (1, RejectReason.ApplicationContextNameNotSupported) => "application context name not supported",
        (2, RejectReason.ProtocolVersionNotSupported) => "protocol version not supported",
        (3, RejectReason.TemporaryCongestion) => "temporary congestion",
        (3, RejectReason.LocalLimitExceeded) => "local limit exceeded",
        _ => "no reason given",
    };
}

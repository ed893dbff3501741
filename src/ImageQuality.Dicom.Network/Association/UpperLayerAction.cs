namespace ImageQuality.Dicom.Network.Association;

/// <summary>The actions of the DICOM upper layer protocol machine (PS3.8 Tables 9-6 to 9-9).</summary>
public enum UpperLayerAction
{
    /// <summary>Issue TRANSPORT CONNECT request → Sta4.</summary>
    AE1,

    /// <summary>Send A-ASSOCIATE-RQ PDU → Sta5.</summary>
    AE2,

    /// <summary>Issue A-ASSOCIATE confirmation (accept) → Sta6.</summary>
    AE3,

    /// <summary>Issue A-ASSOCIATE confirmation (reject) and close the transport connection → Sta1.</summary>
    AE4,

    /// <summary>Issue transport connection response, start ARTIM → Sta2.</summary>
    AE5,

    /// <summary>Stop ARTIM; if the request is acceptable to the provider issue A-ASSOCIATE indication → Sta3, else send A-ASSOCIATE-RJ and start ARTIM → Sta13.</summary>
    AE6,

    /// <summary>Send A-ASSOCIATE-AC PDU → Sta6.</summary>
    AE7,

    /// <summary>Send A-ASSOCIATE-RJ PDU, start ARTIM → Sta13.</summary>
    AE8,

    /// <summary>Send P-DATA-TF PDU → Sta6.</summary>
    DT1,

    /// <summary>Issue P-DATA indication → Sta6.</summary>
    DT2,

    /// <summary>Send A-RELEASE-RQ PDU → Sta7.</summary>
    AR1,

    /// <summary>Issue A-RELEASE indication → Sta8.</summary>
    AR2,

    /// <summary>Issue A-RELEASE confirmation and close the transport connection → Sta1.</summary>
    AR3,

    /// <summary>Send A-RELEASE-RP PDU, start ARTIM → Sta13.</summary>
    AR4,

    /// <summary>Stop ARTIM → Sta1.</summary>
    AR5,

    /// <summary>Issue P-DATA indication → Sta7.</summary>
    AR6,

    /// <summary>Send P-DATA-TF PDU → Sta8.</summary>
    AR7,

    /// <summary>Issue A-RELEASE indication (release collision) → Sta9 (requestor) or Sta10 (acceptor).</summary>
    AR8,

    /// <summary>Send A-RELEASE-RP PDU → Sta11.</summary>
    AR9,

    /// <summary>Issue A-RELEASE confirmation → Sta12.</summary>
    AR10,

    /// <summary>Send A-ABORT PDU, start (or restart) ARTIM → Sta13.</summary>
    AA1,

    /// <summary>Stop ARTIM if running, close the transport connection → Sta1.</summary>
    AA2,

    /// <summary>Issue A-ABORT or A-P-ABORT indication and close the transport connection → Sta1.</summary>
    AA3,

    /// <summary>Issue A-P-ABORT indication → Sta1.</summary>
    AA4,

    /// <summary>Stop ARTIM → Sta1.</summary>
    AA5,

    /// <summary>Ignore the PDU → Sta13.</summary>
    AA6,

    /// <summary>Send A-ABORT PDU → Sta13.</summary>
    AA7,

    /// <summary>Send A-ABORT PDU (service-provider source), issue A-P-ABORT indication, start ARTIM → Sta13.</summary>
    AA8,
}

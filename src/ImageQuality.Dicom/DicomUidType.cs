namespace ImageQuality.Dicom;

/// <summary>The UID types of PS3.6 table A-1.</summary>
public enum DicomUidType
{
    Other,
    TransferSyntax,
    SopClass,
    MetaSopClass,
    WellKnownSopInstance,
    WellKnownFrameOfReference,
    ApplicationContextName,
    CodingScheme,
    ServiceClass,
    ApplicationHostingModel,
    Ldap,
    SynchronizationFrameOfReference,
    MappingResource,
}

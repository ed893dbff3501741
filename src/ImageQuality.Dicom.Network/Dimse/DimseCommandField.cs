namespace ImageQuality.Dicom.Network.Dimse;

/// <summary>Command Field (0000,0100) values (PS3.7 E.1). A response is its request with bit 15 set.</summary>
public static class DimseCommandField
{
    public const ushort CStoreRequest = 0x0001;
    public const ushort CStoreResponse = 0x8001;
    public const ushort CGetRequest = 0x0010;
    public const ushort CGetResponse = 0x8010;
    public const ushort CFindRequest = 0x0020;
    public const ushort CFindResponse = 0x8020;
    public const ushort CMoveRequest = 0x0021;
    public const ushort CMoveResponse = 0x8021;
    public const ushort CEchoRequest = 0x0030;
    public const ushort CEchoResponse = 0x8030;
    public const ushort CCancelRequest = 0x0FFF;
    public const ushort NEventReportRequest = 0x0100;
    public const ushort NGetRequest = 0x0110;
    public const ushort NSetRequest = 0x0120;
    public const ushort NActionRequest = 0x0130;
    public const ushort NCreateRequest = 0x0140;
    public const ushort NDeleteRequest = 0x0150;

    public const ushort ResponseBit = 0x8000;

    public static bool IsResponse(ushort commandField) => (commandField & ResponseBit) != 0;

    /// <summary>Every request has a response except C-CANCEL-RQ (PS3.7 9.3.2.3), which has none.</summary>
    public static bool ExpectsResponse(ushort commandField) => !IsResponse(commandField) && commandField != CCancelRequest;
}

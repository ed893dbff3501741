using System.Globalization;

namespace ImageQuality.Dicom.Imaging.Codecs.Jpeg;

/// <summary>The second byte of the JPEG markers (ITU-T T.81 Table B.1) that the decoder acts on.</summary>
internal static class JpegMarker
{
    public const byte SOF0 = 0xC0;
    public const byte SOF1 = 0xC1;
    public const byte SOF2 = 0xC2;
    public const byte SOF3 = 0xC3;
    public const byte DHT = 0xC4;
    public const byte SOF15 = 0xCF;
    public const byte DAC = 0xCC;
    public const byte RST0 = 0xD0;
    public const byte RST7 = 0xD7;
    public const byte SOI = 0xD8;
    public const byte EOI = 0xD9;
    public const byte SOS = 0xDA;
    public const byte DQT = 0xDB;
    public const byte DNL = 0xDC;
    public const byte DRI = 0xDD;
    public const byte TEM = 0x01;

    /// <summary>Start-of-frame markers: C0-CF except DHT (C4), JPG (C8) and DAC (CC).</summary>
    public static bool IsStartOfFrame(byte code) => code is >= SOF0 and <= SOF15 and not DHT and not 0xC8 and not DAC;

    public static bool IsRestart(byte code) => code is >= RST0 and <= RST7;

    /// <summary>Markers that stand alone, without a length field (T.81 B.1.1.3): TEM, RSTn, SOI, EOI.</summary>
    public static bool IsStandalone(byte code) => code == TEM || code is >= RST0 and <= EOI;

    public static string Name(byte code) => code switch
    {
        SOF0 => "SOF0",
        SOF1 => "SOF1",
        SOF2 => "SOF2",
        SOF3 => "SOF3",
        DHT => "DHT",
        DAC => "DAC",
        SOI => "SOI",
        EOI => "EOI",
        SOS => "SOS",
        DQT => "DQT",
        DNL => "DNL",
        DRI => "DRI",
        _ when IsRestart(code) => "RST" + (code - RST0).ToString(CultureInfo.InvariantCulture),
        _ when IsStartOfFrame(code) => "SOF" + (code - SOF0).ToString(CultureInfo.InvariantCulture),
        _ => "FF" + code.ToString("X2", CultureInfo.InvariantCulture),
    };
}

using ImageQuality.Samples.Mammography.Dicom;

namespace ImageQuality.Samples.Mammography;

/// <summary>
/// The imaginary breast centre the demonstration exams come from: a unit of each vendor-like style and a team of
/// technologists (invented names), so that per-station and per-technologist views have something to group.
/// </summary>
public static class SyntheticSite
{
    public const string Institution = "SYNTHETIC BREAST CENTRE";

    public static IReadOnlyList<SyntheticStation> Stations { get; } =
    [
        new("MAMMO-GE1", "SYN10452020", Institution, VendorStyle.GeLike, "Senographe Essential", DetectorFormat.Large100),
        new("MAMMO-HO1", "SYN80131717", Institution, VendorStyle.HologicLike, "Selenia Dimensions", DetectorFormat.Large70),
        new("MAMMO-HO2", "SYN80131920", Institution, VendorStyle.HologicLike, "3Dimensions", DetectorFormat.Large70),
        new("MAMMO-SI1", "SYN4110287", Institution, VendorStyle.SiemensLike, "Mammomat Inspiration", DetectorFormat.Large85, StoresAsHung: false),
        new("MAMMO-FU1", "SYN6220031", Institution, VendorStyle.FujiLike, "AMULET Innovality", DetectorFormat.Large50),
    ];

    public static IReadOnlyList<string> Technologists { get; } =
    [
        "ADAMS^ALEX", "BAKER^BEATRIX", "CHEN^CLARA", "DIALLO^DANA", "EVANS^EDITH", "FOSTER^FAYE", "GARCIA^GINA",
    ];
}

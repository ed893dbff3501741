using ImageQuality.Samples.Mammography;

namespace ImageQuality.Samples.Tests.Mammography;

/// <summary>Small specs (binned 8 x 8) so that tests generate in milliseconds; geometry does not depend on binning.</summary>
internal static class Specs
{
    public static SyntheticMammogramSpec Small(ViewPosition view, int seed, params PositioningFault[] faults) => new()
    {
        ViewPosition = view,
        ImageLaterality = seed % 2 == 0 ? ImageLaterality.R : ImageLaterality.L,
        Vendor = (VendorStyle)(seed % 4),
        Binning = 8,
        BreastDepthMm = 80 + (seed % 5 * 10),
        BreastWidthMm = 140 + (seed % 4 * 15),
        RowsFlipped = seed % 5 == 0,
        Faults = faults,
        Seed = seed,
    };
}

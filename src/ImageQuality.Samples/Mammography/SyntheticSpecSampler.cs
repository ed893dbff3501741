namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Random specs for training data: every vendor-like style, both views and sides, the vendors' detectors and
/// nominal ones at any spacing from 0.05 to 0.1 mm, MONOCHROME1 and 2, 12 and 14 bits, the chest wall on either side,
/// rows sometimes stored bottom-up, and faults in about <c>faultRate</c> of the images. Images are binned to about
/// <c>pixelMm</c> per pixel: the landmark grid's cells are near 1 mm, so finer pixels only cost time.
/// </summary>
public static class SyntheticSpecSampler
{
    public static SyntheticMammogramSpec Sample(Random random, double faultRate = 0.3, double pixelMm = 0.3)
    {
        var vendor = (VendorStyle)random.Next(4);
        VendorProfile profile = VendorProfile.For(vendor);
        var view = random.Chance(0.5) ? ViewPosition.CC : ViewPosition.MLO;
        double roll = random.NextDouble();
        DetectorFormat detector = roll < 0.6 ? profile.LargeDetector
            : roll < 0.8 ? profile.SmallDetector
            : DetectorFormat.Nominal(random.Chance(0.7), Math.Round(random.Uniform(0.05, 0.1), 3));
        bool monochrome1 = vendor == VendorStyle.FujiLike ? random.Chance(0.8) : random.Chance(0.15);
        int bits = random.Chance(0.2) ? (profile.BitsStored == 12 ? 14 : 12) : profile.BitsStored;
        double widthLimit = detector.IsLarge ? 220 : 180;

        var possible = Enum.GetValues<PositioningFault>().Where(f => f.AppliesTo(view)).ToList();
        var faults = new List<PositioningFault>();
        if (random.Chance(faultRate))
        {
            faults.Add(random.Pick(possible));
            PositioningFault second = random.Pick(possible);
            if (random.Chance(0.15) && !faults.Contains(second))
            {
                faults.Add(second);
            }
        }

        return new SyntheticMammogramSpec
        {
            ViewPosition = view,
            ImageLaterality = random.Chance(0.5) ? ImageLaterality.L : ImageLaterality.R,
            Vendor = vendor,
            Detector = detector,
            Binning = Math.Max(1, (int)Math.Round(pixelMm / detector.ImagerPixelSpacingMm)),
            MagnificationFactor = random.Chance(0.5) ? null : Math.Round(random.Uniform(1.0, 1.12), 3),
            BreastDepthMm = random.Uniform(50, detector.IsLarge ? 150 : 125),
            BreastWidthMm = random.Uniform(95, widthLimit),
            CompressedThicknessMm = random.Uniform(25, 80),
            Density = (BreastDensity)random.Next(4),
            Photometric = monochrome1 ? PhotometricInterpretation.Monochrome1 : PhotometricInterpretation.Monochrome2,
            BitsStored = bits,
            ChestWallOnRight = random.Chance(0.5),
            RowsFlipped = random.Chance(0.1),
            Faults = faults,
            Seed = random.Next(),
        };
    }
}

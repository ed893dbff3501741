using ImageQuality.Samples.Mammography.Dicom;

namespace ImageQuality.Samples.Mammography;

/// <summary>
/// Plans one four-view screening exam: a patient with one breast size and density, a unit and a technologist, a
/// storage convention for the unit, and faults: each image is faulty with probability <c>faultRate</c>, with one
/// fault (sometimes two) drawn from those that can occur on its view, so each fault's share is the rate divided
/// among the faults of the view.
/// </summary>
public static class SyntheticExamPlanner
{
    public static IReadOnlyList<(SyntheticMammogramSpec Spec, SyntheticAcquisition Acquisition)> Plan(int examNumber, int seed, double faultRate, DateTime studyDateTime)
    {
        var random = new Random(Mix(seed, examNumber));
        SyntheticStation station = random.Pick(SyntheticSite.Stations);
        string technologist = random.Pick(SyntheticSite.Technologists);
        var birth = DateOnly.FromDateTime(studyDateTime.AddYears(-random.Next(45, 75)).AddDays(-random.Next(0, 365)));
        string patientId = $"SYN{Mix(seed, examNumber) & 0xFFFFFF:D8}";
        string studyUid = SyntheticUid.Next(random);
        var density = (BreastDensity)random.Next(4);
        double width = random.Uniform(120, 215), depth = random.Uniform(65, 140), thickness = random.Uniform(35, 68);

        var plan = new List<(SyntheticMammogramSpec, SyntheticAcquisition)>();
        int instance = 0;
        foreach (ViewPosition view in new[] { ViewPosition.CC, ViewPosition.MLO })
        {
            foreach (ImageLaterality side in new[] { ImageLaterality.R, ImageLaterality.L })
            {
                instance++;
                var spec = new SyntheticMammogramSpec
                {
                    ViewPosition = view,
                    ImageLaterality = side,
                    Vendor = station.Vendor,
                    Detector = station.Detector,
                    BreastDepthMm = depth * random.Uniform(0.96, 1.04),
                    BreastWidthMm = width * random.Uniform(0.96, 1.04),
                    CompressedThicknessMm = thickness * (view == ViewPosition.MLO ? random.Uniform(1.0, 1.12) : random.Uniform(0.92, 1.0)),
                    Density = density,
                    Photometric = station.Vendor == VendorStyle.FujiLike ? PhotometricInterpretation.Monochrome1 : PhotometricInterpretation.Monochrome2,
                    ChestWallOnRight = station.StoresAsHung ? side == ImageLaterality.R : false,
                    RowsFlipped = false,
                    Faults = Faults(view, faultRate, random),
                    Seed = Mix(Mix(seed, examNumber), instance),
                };
                double force = random.Uniform(60, 140);
                var acquisition = new SyntheticAcquisition
                {
                    PatientName = $"SYNTHETIC^PATIENT{examNumber:D4}",
                    PatientId = patientId,
                    PatientBirthDate = birth,
                    StudyInstanceUid = studyUid,
                    SeriesInstanceUid = SyntheticUid.Next(random),
                    SopInstanceUid = SyntheticUid.Next(random),
                    AccessionNumber = $"SYNA{examNumber:D6}",
                    StudyDateTime = studyDateTime,
                    AcquisitionDateTime = studyDateTime.AddSeconds(60 + (instance * random.Uniform(40, 90))),
                    SeriesNumber = instance,
                    InstanceNumber = 1,
                    Station = station,
                    OperatorsName = technologist,
                    CompressionForceN = force,
                    PressureKpa = random.Chance(0.85) ? random.Uniform(7.5, 14) : random.Uniform(4, 18),
                    Kvp = Math.Round(26 + (spec.CompressedThicknessMm / 10) + random.Uniform(-1, 1)),
                    ExposureMas = Math.Round(40 + (spec.CompressedThicknessMm * random.Uniform(1.2, 2.4))),
                    EntranceDoseMGy = 2 + (spec.CompressedThicknessMm * 0.08) + random.Uniform(-0.5, 0.5),
                    OrganDoseMGy = 0.8 + (spec.CompressedThicknessMm * 0.02) + random.Uniform(-0.2, 0.2),
                };
                plan.Add((spec, acquisition));
            }
        }

        return plan;
    }

    /// <summary>A fixed mix of two integers into a seed (HashCode is randomised per process).</summary>
    public static int Mix(int a, int b)
    {
        uint h = ((uint)a * 0x9E3779B1u) ^ ((uint)(b + 0x632BE5AB) * 0x85EBCA77u);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7FFFFFFF);
    }

    private static List<PositioningFault> Faults(ViewPosition view, double rate, Random random)
    {
        var possible = Enum.GetValues<PositioningFault>().Where(f => f.AppliesTo(view)).ToList();
        var faults = new List<PositioningFault>();
        if (random.Chance(rate))
        {
            faults.Add(random.Pick(possible));
            if (random.Chance(0.15))
            {
                PositioningFault second = random.Pick(possible);
                if (!faults.Contains(second))
                {
                    faults.Add(second);
                }
            }
        }

        return faults;
    }
}

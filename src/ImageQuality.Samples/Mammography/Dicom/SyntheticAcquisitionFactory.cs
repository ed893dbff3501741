namespace ImageQuality.Samples.Mammography.Dicom;

/// <summary>Header facts for a lone synthetic image (training data, tests): a patient, a study of one, plausible exposure.</summary>
public static class SyntheticAcquisitionFactory
{
    public static SyntheticAcquisition ForImage(SyntheticMammogramSpec spec, Random random)
    {
        VendorProfile vendor = spec.Profile;
        var station = new SyntheticStation("MAMMO-SYN", "SYN0000001", SyntheticSite.Institution, spec.Vendor, vendor.ModelNames[0], spec.EffectiveDetector);
        var study = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Unspecified).AddMinutes(random.Next(0, 60 * 24 * 300));
        return new SyntheticAcquisition
        {
            PatientName = "SYNTHETIC^TRAINING",
            PatientId = $"SYNT{random.Next(0, 99_999_999):D8}",
            PatientBirthDate = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 25)),
            StudyInstanceUid = SyntheticUid.Next(random),
            SeriesInstanceUid = SyntheticUid.Next(random),
            SopInstanceUid = SyntheticUid.Next(random),
            AccessionNumber = $"SYNT{random.Next(0, 999_999):D6}",
            StudyDateTime = study,
            AcquisitionDateTime = study.AddMinutes(2),
            SeriesNumber = 1,
            InstanceNumber = 1,
            Station = station,
            OperatorsName = random.Pick(SyntheticSite.Technologists),
            CompressionForceN = random.Uniform(50, 150),
            Kvp = Math.Round(26 + (spec.CompressedThicknessMm / 10)),
            ExposureMas = Math.Round(40 + (spec.CompressedThicknessMm * 1.8)),
            EntranceDoseMGy = 2 + (spec.CompressedThicknessMm * 0.08),
            OrganDoseMGy = 0.8 + (spec.CompressedThicknessMm * 0.02),
        };
    }
}

namespace ImageQuality.Samples.Mammography.Dicom;

/// <summary>The patient, study and exposure facts that go into one image's header besides the pixels.</summary>
public sealed record SyntheticAcquisition
{
    public required string PatientName { get; init; }

    public required string PatientId { get; init; }

    public required DateOnly PatientBirthDate { get; init; }

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public required string SopInstanceUid { get; init; }

    public required string AccessionNumber { get; init; }

    public required DateTime StudyDateTime { get; init; }

    /// <summary>When this view was exposed (the study starts a little before the first).</summary>
    public required DateTime AcquisitionDateTime { get; init; }

    public required int SeriesNumber { get; init; }

    public required int InstanceNumber { get; init; }

    public required SyntheticStation Station { get; init; }

    /// <summary>OperatorsName: the technologist, as PN (Family^Given).</summary>
    public required string OperatorsName { get; init; }

    /// <summary>False: PatientOrientation is left out, as some units and exports do (the analysis then orients by the image).</summary>
    public bool WritePatientOrientation { get; init; } = true;

    public required double CompressionForceN { get; init; }

    /// <summary>
    /// When positive, the exam writer sets the force from the generated breast's contact area so that the pressure is
    /// this (the analysis judges pressure, and a fixed force would put most large breasts under the band).
    /// </summary>
    public double PressureKpa { get; init; }

    public required double Kvp { get; init; }

    public required double ExposureMas { get; init; }

    public required double EntranceDoseMGy { get; init; }

    public required double OrganDoseMGy { get; init; }
}

using System.Globalization;
using System.Runtime.InteropServices;
using ImageQuality.Dicom;

namespace ImageQuality.Samples.Mammography.Dicom;

/// <summary>
/// The data set of a synthetic mammogram: Digital Mammography X-Ray Image Storage – For Presentation, native pixels
/// (16 bits allocated, 12 or 14 stored), with the attributes a screening unit writes and the positioning analysis
/// reads (view and side, orientation, spacing and magnification, thickness and force, technologist and station).
/// </summary>
public static class MammogramDatasetBuilder
{
    public const string SopClassUid = "1.2.840.10008.5.1.4.1.1.1.2";

    public static DicomDataset Build(SyntheticMammogram image, SyntheticAcquisition acquisition)
    {
        SyntheticMammogramSpec spec = image.Spec;
        VendorProfile vendor = spec.Profile;
        bool cc = spec.ViewPosition == ViewPosition.CC;
        bool monochrome1 = spec.Photometric == PhotometricInterpretation.Monochrome1;
        int bits = spec.EffectiveBitsStored;
        string spacing = Ds(spec.ImagerPixelSpacingMm);
        DateTime study = acquisition.StudyDateTime, taken = acquisition.AcquisitionDateTime;

        var ds = new DicomDataset();
        ds.AddString(DicomTag.SpecificCharacterSet, "ISO_IR 100");
        ds.AddString(DicomTag.ImageType, @"ORIGINAL\PRIMARY");
        ds.AddString(DicomTag.SOPClassUID, SopClassUid);
        ds.AddString(DicomTag.SOPInstanceUID, acquisition.SopInstanceUid);
        ds.AddString(DicomTag.StudyDate, Da(study));
        ds.AddString(DicomTag.SeriesDate, Da(study));
        ds.AddString(DicomTag.AcquisitionDate, Da(taken));
        ds.AddString(DicomTag.ContentDate, Da(taken));
        ds.AddString(DicomTag.AcquisitionDateTime, taken.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        ds.AddString(DicomTag.StudyTime, Tm(study));
        ds.AddString(DicomTag.SeriesTime, Tm(study));
        ds.AddString(DicomTag.AcquisitionTime, Tm(taken));
        ds.AddString(DicomTag.ContentTime, Tm(taken.AddSeconds(4)));
        ds.AddString(DicomTag.AccessionNumber, acquisition.AccessionNumber);
        ds.AddString(DicomTag.Modality, "MG");
        ds.AddString(DicomTag.PresentationIntentType, "FOR PRESENTATION");
        ds.AddString(DicomTag.Manufacturer, vendor.Manufacturer);
        ds.AddString(DicomTag.InstitutionName, acquisition.Station.InstitutionName);
        ds.AddString(DicomTag.ReferringPhysicianName, string.Empty);
        ds.AddString(DicomTag.StationName, acquisition.Station.StationName);
        ds.AddString(DicomTag.StudyDescription, "MAMMOGRAPHY SCREENING BILATERAL");
        ds.AddString(DicomTag.SeriesDescription, $"{spec.ImageLaterality} {spec.ViewPosition}");
        ds.AddString(DicomTag.OperatorsName, acquisition.OperatorsName);
        ds.AddString(DicomTag.ManufacturerModelName, acquisition.Station.ManufacturerModelName);
        ds.Add(Code(DicomTag.AnatomicRegionSequence, "76752008", "SCT", "Breast"));
        ds.AddString(DicomTag.PatientName, acquisition.PatientName);
        ds.AddString(DicomTag.PatientID, acquisition.PatientId);
        ds.AddString(DicomTag.PatientBirthDate, acquisition.PatientBirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        ds.AddString(DicomTag.PatientSex, "F");
        ds.AddString(DicomTag.PatientAge, $"{Age(acquisition.PatientBirthDate, study):000}Y");
        ds.AddString(DicomTag.BodyPartExamined, "BREAST");
        ds.AddString(DicomTag.KVP, Ds(acquisition.Kvp));
        ds.AddString(DicomTag.DeviceSerialNumber, acquisition.Station.DeviceSerialNumber);
        ds.AddString(DicomTag.SoftwareVersions, vendor.SoftwareVersions);
        ds.AddString(DicomTag.ProtocolName, "SCREENING");
        ds.AddString(DicomTag.DistanceSourceToDetector, "660");
        ds.AddString(DicomTag.DistanceSourceToPatient, Ds(Math.Round(660 / spec.EffectiveMagnification)));
        ds.AddString(DicomTag.EstimatedRadiographicMagnificationFactor, Ds(spec.EffectiveMagnification));
        ds.AddString(DicomTag.Exposure, Is(acquisition.ExposureMas));
        ds.AddString(DicomTag.ExposureInuAs, Is(acquisition.ExposureMas * 1000));
        ds.AddString(DicomTag.ImagerPixelSpacing, $@"{spacing}\{spacing}");
        ds.AddString(DicomTag.BodyPartThickness, Ds(Math.Round(spec.CompressedThicknessMm)));
        ds.AddString(DicomTag.CompressionForce, Ds(Math.Round(acquisition.CompressionForceN)));
        ds.AddString(DicomTag.PositionerType, "MAMMOGRAPHIC");
        ds.AddString(DicomTag.PositionerPrimaryAngle, cc ? "0" : spec.ImageLaterality == ImageLaterality.R ? "45" : "-45");
        ds.AddString(DicomTag.ViewPosition, spec.ViewPosition.ToString());
        if (spec.Binning > 1)
        {
            ds.AddString(DicomTag.DetectorBinning, $@"{spec.Binning}\{spec.Binning}");
        }

        ds.AddString(DicomTag.StudyInstanceUID, acquisition.StudyInstanceUid);
        ds.AddString(DicomTag.SeriesInstanceUID, acquisition.SeriesInstanceUid);
        ds.AddString(DicomTag.StudyID, acquisition.AccessionNumber[^4..]);
        ds.AddString(DicomTag.SeriesNumber, Is(acquisition.SeriesNumber));
        ds.AddString(DicomTag.InstanceNumber, Is(acquisition.InstanceNumber));
        if (acquisition.WritePatientOrientation)
        {
            ds.AddString(DicomTag.PatientOrientation, string.Join('\\', image.PatientOrientation));
        }

        ds.AddString(DicomTag.ImageLaterality, spec.ImageLaterality.ToString());
        ds.AddUInt16(DicomTag.SamplesPerPixel, 1);
        ds.AddString(DicomTag.PhotometricInterpretation, monochrome1 ? "MONOCHROME1" : "MONOCHROME2");
        ds.AddUInt16(DicomTag.Rows, (ushort)image.Rows);
        ds.AddUInt16(DicomTag.Columns, (ushort)image.Columns);
        ds.AddString(DicomTag.PixelSpacing, $@"{spacing}\{spacing}");
        ds.AddUInt16(DicomTag.BitsAllocated, 16);
        ds.AddUInt16(DicomTag.BitsStored, (ushort)bits);
        ds.AddUInt16(DicomTag.HighBit, (ushort)(bits - 1));
        ds.AddUInt16(DicomTag.PixelRepresentation, 0);
        ds.AddString(DicomTag.QualityControlImage, "NO");
        ds.AddString(DicomTag.BurnedInAnnotation, "NO");
        ds.AddString(DicomTag.PixelIntensityRelationship, "LOG");

        // Sign -1: higher values mean less x-ray intensity (tissue bright on MONOCHROME2).
        ds.AddBytes(DicomTag.PixelIntensityRelationshipSign, DicomVR.SS, BitConverter.GetBytes((short)(monochrome1 ? 1 : -1)));
        ds.AddString(DicomTag.WindowCenter, Ds(Math.Round(image.WindowCenter)));
        ds.AddString(DicomTag.WindowWidth, Ds(Math.Round(image.WindowWidth)));
        ds.AddString(DicomTag.RescaleIntercept, "0");
        ds.AddString(DicomTag.RescaleSlope, "1");
        ds.AddString(DicomTag.RescaleType, "US");
        ds.AddString(DicomTag.WindowCenterWidthExplanation, "NORMAL");
        ds.AddString(DicomTag.VOILUTFunction, vendor.VoiLutFunction);
        ds.AddString(DicomTag.LossyImageCompression, "00");
        ds.AddString(DicomTag.BreastImplantPresent, "NO");
        ds.AddString(DicomTag.OrganDose, Ds(Math.Round(acquisition.OrganDoseMGy, 2)));
        ds.AddString(DicomTag.EntranceDoseInmGy, Ds(Math.Round(acquisition.EntranceDoseMGy, 2)));
        ds.Add(cc ? Code(DicomTag.ViewCodeSequence, "399162004", "SCT", "cranio-caudal") : Code(DicomTag.ViewCodeSequence, "399368009", "SCT", "medio-lateral oblique"));
        ds.AddBytes(DicomTag.PixelData, DicomVR.OW, MemoryMarshal.AsBytes(image.Pixels.AsSpan()).ToArray());
        return ds;
    }

    private static DicomSequence Code(DicomTag tag, string value, string scheme, string meaning)
    {
        var item = new DicomDataset();
        item.AddString(DicomTag.CodeValue, value);
        item.AddString(DicomTag.CodingSchemeDesignator, scheme);
        item.AddString(DicomTag.CodeMeaning, meaning);
        return new DicomSequence(tag, [item]);
    }

    private static int Age(DateOnly birth, DateTime on)
    {
        int age = on.Year - birth.Year;
        return on.DayOfYear < birth.DayOfYear ? age - 1 : age;
    }

    private static string Da(DateTime t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Tm(DateTime t) => t.ToString("HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Decimal String: at most 16 characters.</summary>
    private static string Ds(double value) => value.ToString("0.########", CultureInfo.InvariantCulture) is var s && s.Length <= 16 ? s : value.ToString("G10", CultureInfo.InvariantCulture);

    private static string Is(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);
}

namespace ImageQuality.Samples.Mammography.Dicom;

/// <summary>A mammography unit of the synthetic site: who made it, what it is called, and its detector.</summary>
/// <param name="StoresAsHung">
/// True: images are stored as they hang (right breast with the chest wall on the right); false: every image with the
/// chest wall on the left, PatientOrientation saying so.
/// </param>
public sealed record SyntheticStation(string StationName, string DeviceSerialNumber, string InstitutionName, VendorStyle Vendor, string ManufacturerModelName, DetectorFormat Detector, bool StoresAsHung = true);

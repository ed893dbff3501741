using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests;

public sealed class DicomDatasetAccessorTests
{
    private static readonly DicomTag StudyDate = new(0x00080020);
    private static readonly DicomTag StudyTime = new(0x00080030);
    private static readonly DicomTag PatientName = new(0x00100010);
    private static readonly DicomTag PatientAge = new(0x00101010);
    private static readonly DicomTag ImageType = new(0x00080008);
    private static readonly DicomTag PixelSpacing = new(0x00280030);
    private static readonly DicomTag Rows = new(0x00280010);
    private static readonly DicomTag InstanceNumber = new(0x00200013);

    private static DicomDataset Sample() => new DicomDataset()
        .AddString(StudyDate, DicomVR.DA, "20240315")
        .AddString(StudyTime, DicomVR.TM, "093015.25")
        .AddString(PatientName, DicomVR.PN, "Yamada^Tarou")
        .AddString(PatientAge, DicomVR.AS, "054Y")
        .AddString(ImageType, DicomVR.CS, "ORIGINAL\\PRIMARY\\AXIAL")
        .AddString(PixelSpacing, DicomVR.DS, " 0.0941\\0.0941 ")
        .AddString(InstanceNumber, DicomVR.IS, " 7")
        .AddUInt16(Rows, 3062);

    [Test]
    public void Reads_typed_values()
    {
        DicomDataset ds = Sample();
        ds.TryGetDate(StudyDate, out DateOnly date).Should().BeTrue();
        date.Should().Be(new DateOnly(2024, 3, 15));
        ds.TryGetTime(StudyTime, out TimeOnly time).Should().BeTrue();
        time.Should().Be(new TimeOnly(9, 30, 15, 250));
        ds.TryGetDateAndTime(StudyDate, StudyTime, out DateTime both).Should().BeTrue();
        both.Should().Be(new DateTime(2024, 3, 15, 9, 30, 15, 250));
        ds.GetPersonName(PatientName)!.Alphabetic.GivenName.Should().Be("Tarou");
        ds.TryGetAge(PatientAge, out DicomAge age).Should().BeTrue();
        age.Should().Be(new DicomAge(54, DicomAgeUnit.Years));
        ds.GetStrings(ImageType).Should().Equal("ORIGINAL", "PRIMARY", "AXIAL");
        ds.GetDoubles(PixelSpacing).Should().Equal(0.0941, 0.0941);
        ds.TryGetInt32(InstanceNumber, out int n).Should().BeTrue();
        n.Should().Be(7);
        ds.TryGetUInt16(Rows, out ushort rows).Should().BeTrue();
        rows.Should().Be(3062);
        ds.GetValueCount(ImageType).Should().Be(3);
    }

    [Test]
    public void Malformed_values_give_false_not_exceptions()
    {
        var ds = new DicomDataset()
            .AddString(StudyDate, DicomVR.DA, "2024-03-15")
            .AddString(PixelSpacing, DicomVR.DS, "abc")
            .AddString(InstanceNumber, DicomVR.IS, "7.5");
        ds.TryGetDate(StudyDate, out _).Should().BeFalse();
        ds.TryGetDouble(PixelSpacing, out _).Should().BeFalse();
        ds.TryGetInt32(InstanceNumber, out _).Should().BeFalse();
        ds.TryGetDouble(new DicomTag(0x00181150), out _).Should().BeFalse("an absent element is not a value");
    }

    [Test]
    public void Validation_reports_problems_with_their_path()
    {
        var item = new DicomDataset().AddString(StudyDate, DicomVR.DA, "20241399");
        var ds = new DicomDataset()
            .AddString(ImageType, DicomVR.CS, "original")
            .Add(new DicomSequence(new DicomTag(0x00081140), [item]));
        IReadOnlyList<DicomValidationIssue> issues = ds.Validate();
        issues.Should().Contain(i => i.Tag == ImageType && i.Problem.Code == DicomValueProblemCode.InvalidCharacter);
        issues.Should().Contain(i => i.Path == "(0008,1140)[0].(0008,0020)" && i.Problem.Code == DicomValueProblemCode.InvalidFormat);
    }
}

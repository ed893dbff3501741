namespace ImageQuality.Dicom.Tests;

public sealed class DicomUidsTests
{
    [Test]
    public void Finds_transfer_syntaxes()
    {
        DicomUidInfo info = DicomUids.Find("1.2.840.10008.1.2.4.70")!;
        info.Should().NotBeNull();
        info.Type.Should().Be(DicomUidType.TransferSyntax);
        info.Name.Should().Be("JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])");
        info.Keyword.Should().Be("JPEGLosslessSV1");
        info.IsRetired.Should().BeFalse();
        DicomUids.JPEGLosslessSV1.Should().Be("1.2.840.10008.1.2.4.70");
        DicomUids.ExplicitVRLittleEndian.Should().Be("1.2.840.10008.1.2.1");
    }

    [Test]
    public void Ignores_the_padding_of_UI_values()
    {
        DicomUids.Find("1.2.840.10008.1.2\0")!.Keyword.Should().Be("ImplicitVRLittleEndian");
        DicomUids.Find("1.2.840.10008.1.2.1 ")!.Keyword.Should().Be("ExplicitVRLittleEndian");
    }

    [Test]
    public void Knows_retired_UIDs()
    {
        DicomUidInfo info = DicomUids.Find(DicomUids.ExplicitVRBigEndian)!;
        info.IsRetired.Should().BeTrue();
        info.Type.Should().Be(DicomUidType.TransferSyntax);
    }

    [TestCase("1.2.3.4")]
    [TestCase("")]
    [TestCase("1.2.840.10008.1.2.")]
    public void Gives_null_for_unknown_UIDs(string uid) => DicomUids.Find(uid).Should().BeNull();

    [TestCase("1.2.840.10008.5.1.4.1.1.4", "MR Image Storage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.1.2", "Digital Mammography X-Ray Image Storage - For Presentation")]
    [TestCase("1.2.840.10008.5.1.4.1.1.4.1", "Enhanced MR Image Storage")]
    [TestCase("1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR Storage")]
    public void Knows_storage_SOP_classes(string uid, string name)
    {
        DicomUids.Find(uid)!.Name.Should().Be(name);
        DicomUids.IsStorageSopClass(uid).Should().BeTrue();
    }

    [TestCase("1.2.840.10008.1.1")] // Verification SOP Class
    [TestCase("1.2.840.10008.1.20.1")] // Storage Commitment Push Model SOP Class
    [TestCase("1.2.840.10008.4.2")] // Storage Service Class
    [TestCase("1.2.840.10008.5.1.4.1.2.2.1")] // Study Root Query/Retrieve Information Model - FIND
    [TestCase("1.2.840.10008.1.2.1")] // a transfer syntax
    [TestCase("1.2.3.4")]
    public void Knows_what_is_not_a_storage_SOP_class(string uid) => DicomUids.IsStorageSopClass(uid).Should().BeFalse();

    [Test]
    public void Types_every_UID()
    {
        DicomUids.All.Count.Should().BeGreaterThan(400);
        DicomUids.All.Should().NotContain(u => u.Type == DicomUidType.Other);
        DicomUids.All.Select(u => u.Uid).Should().OnlyHaveUniqueItems();
        DicomUids.All.Where(u => u.Keyword.Length > 0).Select(u => u.Keyword).Should().OnlyHaveUniqueItems();
        DicomUids.All.Count(u => u.Type == DicomUidType.TransferSyntax).Should().BeGreaterThan(30);
        DicomUids.All.Count(u => DicomUids.IsStorageSopClass(u.Uid)).Should().BeGreaterThan(150);
    }
}

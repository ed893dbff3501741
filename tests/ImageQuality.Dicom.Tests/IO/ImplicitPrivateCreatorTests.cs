using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// In implicit VR a private element's VR comes from the private dictionary through its block's creator. The
/// reader remembers the creator it decoded last; the same tag with another creator, in another item, must
/// not reuse it.
/// </summary>
public sealed class ImplicitPrivateCreatorTests
{
    private static readonly DicomTag Creator = new(0x00090010);
    private static readonly DicomTag AcquisitionValue = new(0x00091025); // GEMS_ACQU_01 (0009,xx25) US

    [Test]
    public void Private_elements_take_the_VR_of_their_own_blocks_creator()
    {
        var ds = new DicomDataset();
        ds.Add(new DicomSequence(new DicomTag(0x00081140), [Block("OTHER CREATOR")]));
        ds.AddString(Creator, DicomVR.LO, "GEMS_ACQU_01");
        ds.AddUInt16(AcquisitionValue, 7);
        ds.AddString(new DicomTag(0x00430010), DicomVR.LO, "GEMS_PARM_01");
        ds.AddString(new DicomTag(0x00431039), DicomVR.IS, "1\\2\\3\\4"); // GEMS_PARM_01 (0043,xx39) IS
        ds.Add(new DicomSequence(new DicomTag(0x00400275), [Block("OTHER CREATOR")]));

        DicomDataset read = ReadImplicit(ds);

        read.Find(AcquisitionValue)!.VR.Should().Be(DicomVR.US);
        read.Find(new DicomTag(0x00431039))!.VR.Should().Be(DicomVR.IS);
        read.FindSequence(new DicomTag(0x00081140))!.Items[0].Find(AcquisitionValue)!.VR.Should().Be(DicomVR.UN, "the item's block has another creator");
        read.FindSequence(new DicomTag(0x00400275))!.Items[0].Find(AcquisitionValue)!.VR.Should().Be(DicomVR.UN, "the item's block has another creator");
    }

    [Test]
    public void A_creator_padded_with_a_space_still_matches()
    {
        var ds = new DicomDataset();
        ds.AddString(Creator, DicomVR.LO, "GEMS_ACQU_01 ");
        ds.AddUInt16(AcquisitionValue, 7);

        ReadImplicit(ds).Find(AcquisitionValue)!.VR.Should().Be(DicomVR.US);
    }

    private static DicomDataset Block(string creator)
    {
        var item = new DicomDataset();
        item.AddString(Creator, DicomVR.LO, creator);
        item.AddUInt16(AcquisitionValue, 7);
        return item;
    }

    private static DicomDataset ReadImplicit(DicomDataset ds)
    {
        using var stream = new MemoryStream();
        DicomFileWriter.Write(stream, null, ds, TransferSyntax.ImplicitVRLittleEndian);
        stream.Position = 0;
        return DicomFile.Open(stream).Dataset;
    }
}

using System.Buffers.Binary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// In implicit VR the "US or SS" pixel value elements take their VR from Pixel Representation (0028,0103), as
/// dcmtk and pydicom read them; found by the dcmdump conformance test (MR_small_implicit.dcm).
/// </summary>
public sealed class ImplicitVRPixelRepresentationTests
{
    private static readonly DicomTag PixelRepresentation = new(0x00280103);
    private static readonly DicomTag SmallestImagePixelValue = new(0x00280106);
    private static readonly DicomTag PixelPaddingValue = new(0x00280120);
    private static readonly DicomTag LUTDescriptor = new(0x00283002);

    [TestCase((ushort)1, "SS", -1)]
    [TestCase((ushort)0, "US", 65535)]
    public void Smallest_image_pixel_value_follows_pixel_representation(ushort representation, string vr, long expected)
    {
        DicomDataset ds = Read(Element(PixelRepresentation, U16(representation)), Element(SmallestImagePixelValue, U16(0xFFFF)));

        ds.Find(SmallestImagePixelValue)!.VR.Should().Be(DicomVR.Parse(vr));
        ds.TryGetInt64(SmallestImagePixelValue, out long value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [Test]
    public void Without_pixel_representation_it_is_US()
    {
        DicomDataset ds = Read(Element(PixelPaddingValue, U16(0xFFFF)));

        ds.Find(PixelPaddingValue)!.VR.Should().Be(DicomVR.US);
    }

    [Test]
    public void An_item_uses_the_pixel_representation_of_the_data_set_around_it()
    {
        // (0028,3010) VOI LUT Sequence, one defined-length item holding Pixel Padding Value and LUT Descriptor.
        byte[] item = [.. Element(PixelPaddingValue, U16(0xFFFE)), .. Element(LUTDescriptor, [.. U16(0xFFFF), .. U16(0), .. U16(16)])];
        byte[] sequenceValue = [.. ItemHeader(item.Length), .. item];
        DicomDataset ds = Read(Element(PixelRepresentation, U16(1)), Element(new DicomTag(0x00283010), sequenceValue));

        DicomDataset nested = ds.FindSequence(new DicomTag(0x00283010))!.Items[0];
        nested.Find(PixelPaddingValue)!.VR.Should().Be(DicomVR.SS);
        nested.Find(LUTDescriptor)!.VR.Should().Be(DicomVR.US, "the descriptor's first value is an unsigned count");
    }

    private static DicomDataset Read(params byte[][] elements)
    {
        using var stream = new MemoryStream([.. elements.SelectMany(e => e)]);
        return DicomFileReader.ReadDataset(stream, TransferSyntax.ImplicitVRLittleEndian);
    }

    private static byte[] Element(DicomTag tag, byte[] value)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)value.Length);
        return [.. header, .. value];
    }

    private static byte[] ItemHeader(int length)
    {
        var header = new byte[] { 0xFE, 0xFF, 0x00, 0xE0, 0, 0, 0, 0 };
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)length);
        return header;
    }

    private static byte[] U16(ushort v) => [(byte)v, (byte)(v >> 8)];
}

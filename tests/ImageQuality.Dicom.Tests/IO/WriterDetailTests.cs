using System.Buffers.Binary;
using ImageQuality.Dicom.Dictionary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>Details of the writer's encoding, checked against hand-computed bytes.</summary>
public sealed class WriterDetailTests
{
    private static readonly DicomTag PixelData = new(0x7FE00010);

    private static IEnumerable<TransferSyntax> Natives => TransferSyntax.NativeSyntaxes;

    [TestCaseSource(nameof(Natives))]
    public void Group_length_in_the_data_set_is_recomputed_for_the_encoding_written(TransferSyntax syntax)
    {
        foreach (bool explicitLengths in new[] { false, true })
        {
            var dataset = new DicomDataset();
            dataset.AddUInt32(new DicomTag(0x00080000), 999); // wrong on purpose
            dataset.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
            dataset.AddBytes(new DicomTag(0x00080018), DicomVR.UI, "1.2.3"u8.ToArray()); // odd: gets a pad byte
            dataset.AddString(new DicomTag(0x00080060), DicomVR.CS, "OT");
            var item = new DicomDataset();
            item.AddString(new DicomTag(0x0020000E), DicomVR.UI, "1.2.3.4");
            dataset.Add(new DicomSequence(new DicomTag(0x00081115), [item, new DicomDataset()]));
            dataset.AddBytes(new DicomTag(0x00082111), DicomVR.ST, new byte[70001]); // long enough to become UN in explicit VR
            dataset.AddString(new DicomTag(0x00100010), DicomVR.PN, "Doe^Jane");

            DicomDataset read = ReadDataset(WriteDataset(dataset, syntax, explicitLengths), syntax);
            read.TryGetInt64(new DicomTag(0x00080000), out long groupLength).Should().BeTrue();

            // Where group 0008 ends can be found without our reader: the header of (0010,0010) follows it.
            // A deflated data set is explicit VR little endian before compression.
            TransferSyntax plain = syntax.IsDeflated ? TransferSyntax.ExplicitVRLittleEndian : syntax;
            byte[] bytes = WriteDataset(dataset, plain, explicitLengths);
            int groupStart = IndexOfTag(bytes, new DicomTag(0x00080016), plain.IsBigEndian);
            int nextGroup = IndexOfTag(bytes, new DicomTag(0x00100010), plain.IsBigEndian);
            groupLength.Should().Be(nextGroup - groupStart, $"{syntax.Name}, explicit sequence lengths {explicitLengths}");
        }
    }

    [Test]
    public void A_value_too_long_for_a_16_bit_length_is_written_as_UN_in_explicit_VR()
    {
        // PS3.5 6.2.2: a value of a VR with a 16-bit length field that is longer than 0xFFFE is encoded as UN.
        var lut = new byte[70000];
        new Random(7).NextBytes(lut);
        var dataset = new DicomDataset();
        dataset.AddBytes(new DicomTag(0x00283006), DicomVR.US, lut);
        dataset.AddBytes(new DicomTag(0x00283007), DicomVR.US, new byte[0xFFFE]); // the longest that still fits

        byte[] le = WriteDataset(dataset, TransferSyntax.ExplicitVRLittleEndian);
        Convert.ToHexString(le.AsSpan(0, 12)).Should().Be("28000630554E000070110100"); // (0028,3006) UN 0000 70000
        int second = 12 + lut.Length;
        Convert.ToHexString(le.AsSpan(second, 8)).Should().Be("280007305553FEFF"); // (0028,3007) US FFFE

        DicomDataset read = ReadDataset(le, TransferSyntax.ExplicitVRLittleEndian);
        read.Find(new DicomTag(0x00283006))!.VR.Should().Be(DicomVR.UN);
        read.Find(new DicomTag(0x00283006))!.Data.ToArray().Should().Equal(lut);
        read.Find(new DicomTag(0x00283007))!.VR.Should().Be(DicomVR.US);

        // Implicit VR has a 32-bit length for every VR: nothing to change there.
        byte[] implicitVR = WriteDataset(dataset, TransferSyntax.ImplicitVRLittleEndian);
        Convert.ToHexString(implicitVR.AsSpan(0, 8)).Should().Be("2800063070110100");
    }

    [TestCaseSource(nameof(Natives))]
    public void Sequences_with_explicit_lengths_read_back_identically(TransferSyntax syntax)
    {
        DicomDataset dataset = NestedSample();

        byte[] bytes = WriteDataset(dataset, syntax, explicitSequenceLengths: true);

        if (!syntax.IsDeflated)
        {
            // No delimiters at all: every length is computed.
            byte[] sequenceDelimiter = syntax.IsBigEndian ? [0xFF, 0xFE, 0xE0, 0xDD] : [0xFE, 0xFF, 0xDD, 0xE0];
            byte[] itemDelimiter = syntax.IsBigEndian ? [0xFF, 0xFE, 0xE0, 0x0D] : [0xFE, 0xFF, 0x0D, 0xE0];
            bytes.AsSpan().IndexOf(sequenceDelimiter).Should().Be(-1);
            bytes.AsSpan().IndexOf(itemDelimiter).Should().Be(-1);
        }

        DatasetComparer.Compare(dataset, ReadDataset(bytes, syntax), syntax.IsExplicitVR).Should().BeEmpty();
        DatasetComparer.Compare(dataset, ReadDataset(WriteDataset(dataset, syntax), syntax), syntax.IsExplicitVR).Should().BeEmpty();
    }

    [Test]
    public void Big_endian_swaps_each_binary_number_and_nothing_else()
    {
        var dataset = new DicomDataset();

        // Tags are chosen for their order only: explicit VR writes the VR each element has.
        dataset.AddBytes(new DicomTag(0x00189087), DicomVR.FD, Le(BitConverter.DoubleToInt64Bits(-2.0), 8));
        dataset.AddBytes(new DicomTag(0x00189089), DicomVR.FL, Le(BitConverter.SingleToInt32Bits(1.5f), 4));
        dataset.AddBytes(new DicomTag(0x00209165), DicomVR.AT, new byte[] { 0x18, 0x00, 0x87, 0x90 }); // (0018,9087)
        dataset.AddBytes(new DicomTag(0x00280010), DicomVR.US, new byte[] { 0x02, 0x01, 0xCD, 0xAB }); // 0x0102, 0xABCD
        dataset.AddBytes(new DicomTag(0x00280106), DicomVR.SS, new byte[] { 0xFE, 0xFF }); // -2
        dataset.AddBytes(new DicomTag(0x00289001), DicomVR.UL, new byte[] { 0x04, 0x03, 0x02, 0x01 });
        dataset.AddBytes(new DicomTag(0x00420011), DicomVR.OB, new byte[] { 0x01, 0x02, 0x03, 0x04 });
        dataset.AddBytes(PixelData, DicomVR.OW, new byte[] { 0x02, 0x01, 0x04, 0x03 });

        byte[] be = WriteDataset(dataset, TransferSyntax.ExplicitVRBigEndian);

        Convert.ToHexString(be).Should().Be(
            "00189087" + "4644" + "0008" + "C000000000000000"
            + "00189089" + "464C" + "0004" + "3FC00000"
            + "00209165" + "4154" + "0004" + "00189087"
            + "00280010" + "5553" + "0004" + "0102ABCD"
            + "00280106" + "5353" + "0002" + "FFFE"
            + "00289001" + "554C" + "0004" + "01020304"
            + "00420011" + "4F42" + "0000" + "00000004" + "01020304"
            + "7FE00010" + "4F57" + "0000" + "00000004" + "01020304");

        // Read back, every value is little endian again.
        DatasetComparer.Compare(dataset, ReadDataset(be, TransferSyntax.ExplicitVRBigEndian), explicitVR: true).Should().BeEmpty();
    }

    [Test]
    public void An_odd_length_number_reads_back_in_big_endian_with_its_padding_byte_last()
    {
        // Malformed (US comes in whole 2-byte units) but found in real files: the padding must not end up
        // in the middle of the value after swapping.
        var dataset = new DicomDataset();
        dataset.AddBytes(new DicomTag(0x00280010), DicomVR.US, new byte[] { 0x02, 0x01, 0x03 });

        byte[] be = WriteDataset(dataset, TransferSyntax.ExplicitVRBigEndian);

        Convert.ToHexString(be).Should().Be("00280010" + "5553" + "0004" + "0102" + "0003");
        ReadDataset(be, TransferSyntax.ExplicitVRBigEndian).Find(new DicomTag(0x00280010))!.Data.ToArray().Should().Equal(0x02, 0x01, 0x03, 0x00);
    }

    [Test]
    public void Encapsulated_pixel_data_read_as_OW_is_written_as_OB()
    {
        // PS3.5 A.4: encapsulated Pixel Data has VR OB; some files say OW, which dcmtk warns about.
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.Add(new DicomFragmentSequence(PixelData, DicomVR.OW, ReadOnlyMemory<byte>.Empty, [new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }]));
        using var stream = new MemoryStream();

        DicomFileWriter.Write(stream, null, dataset, TransferSyntax.JPEGBaseline8Bit);

        byte[] bytes = stream.ToArray();
        int at = IndexOfTag(bytes, PixelData, bigEndian: false);
        Convert.ToHexString(bytes.AsSpan(at, 12)).Should().Be("E07F10004F420000FFFFFFFF");
        var read = (DicomFragmentSequence)DicomFileReader.Read(bytes).Dataset.Find(PixelData)!;
        read.VR.Should().Be(DicomVR.OB);
        read.Fragments.Should().ContainSingle().Which.ToArray().Should().Equal(0xFF, 0xD8, 0xFF, 0xD9);
    }

    [Test]
    public void In_implicit_VR_a_sequence_the_dictionary_does_not_know_gets_a_defined_length()
    {
        // An implicit VR reader that does not know a private tag can only skip it as UN if its length is
        // defined; with an undefined length it has to guess (CP-246, and dcmtk warns).
        var item = new DicomDataset();
        item.AddString(new DicomTag(0x00080060), DicomVR.CS, "MR");
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00090010), DicomVR.LO, "ACME 1.0");
        dataset.Add(new DicomSequence(new DicomTag(0x00091001), [item]));
        var known = new DicomTag(0x00081115); // ReferencedSeriesSequence
        dataset.Add(new DicomSequence(known, [item.Clone()]));

        byte[] bytes = WriteDataset(dataset, TransferSyntax.ImplicitVRLittleEndian);

        int privateAt = IndexOfTag(bytes, new DicomTag(0x00091001), bigEndian: false);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(privateAt + 4)).Should().Be(8 + 8 + 2, "one item header and (0008,0060) of 2 bytes");
        bool dictionaryKnowsSQ = DicomDictionary.Find(known)?.DefaultVR == DicomVR.SQ;
        uint knownLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(IndexOfTag(bytes, known, bigEndian: false) + 4));
        knownLength.Should().Be(dictionaryKnowsSQ ? 0xFFFFFFFF : 8 + 8 + 2);

        DatasetComparer.Compare(dataset, ReadDataset(bytes, TransferSyntax.ImplicitVRLittleEndian), explicitVR: false).Should().BeEmpty();
    }

    /// <summary>Sequences two deep, with an empty item and an empty sequence, beside plain values.</summary>
    internal static DicomDataset NestedSample()
    {
        var inner = new DicomDataset();
        inner.AddString(new DicomTag(0x00080100), DicomVR.SH, "T-D1100");
        inner.AddString(new DicomTag(0x00080102), DicomVR.SH, "SRT");
        var item = new DicomDataset();
        item.AddString(new DicomTag(0x00081150), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.4");
        item.Add(new DicomSequence(new DicomTag(0x00082218), [inner, new DicomDataset()]));
        item.AddUInt16(new DicomTag(0x00280010), 512);
        var dataset = new DicomDataset();
        dataset.AddString(new DicomTag(0x00080060), DicomVR.CS, "MR");
        dataset.Add(new DicomSequence(new DicomTag(0x00081140), [item, item.Clone()]));
        dataset.Add(new DicomSequence(new DicomTag(0x00081199), [])); // ReferencedSOPSequence, empty
        dataset.AddString(new DicomTag(0x00100010), DicomVR.PN, "Doe^Jane");
        return dataset;
    }

    internal static byte[] WriteDataset(DicomDataset dataset, TransferSyntax syntax, bool explicitSequenceLengths = false)
    {
        using var stream = new MemoryStream();
        if (syntax.IsDeflated)
        {
            // A deflated data set only exists inside a Part 10 file.
            DicomFileWriter.Write(stream, null, dataset, syntax, new DicomWriteOptions { ExplicitSequenceLengths = explicitSequenceLengths });
        }
        else
        {
            DicomFileWriter.WriteDataset(stream, dataset, syntax, new DicomWriteOptions { ExplicitSequenceLengths = explicitSequenceLengths });
        }

        return stream.ToArray();
    }

    internal static DicomDataset ReadDataset(byte[] bytes, TransferSyntax syntax) =>
        syntax.IsDeflated ? DicomFileReader.Read(bytes).Dataset : DicomFileReader.ReadDataset(new MemoryStream(bytes), syntax);

    private static int IndexOfTag(byte[] bytes, DicomTag tag, bool bigEndian)
    {
        byte[] pattern = new byte[4];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pattern, tag.Group);
            BinaryPrimitives.WriteUInt16BigEndian(pattern.AsSpan(2), tag.Element);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(pattern, tag.Group);
            BinaryPrimitives.WriteUInt16LittleEndian(pattern.AsSpan(2), tag.Element);
        }

        int at = bytes.AsSpan().IndexOf(pattern);
        at.Should().BeGreaterThanOrEqualTo(0, $"{tag} is written");
        return at;
    }

    private static byte[] Le(long bits, int size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, bits);
        return bytes[..size];
    }
}

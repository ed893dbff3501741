using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// The reader's buffering: reads grow from a small first read to the full buffer, stop at a known end, and
/// fill value arrays without zeroing them first. Values that straddle every read boundary must come back
/// byte for byte from a file, a stream and memory alike.
/// </summary>
public sealed class ReaderBufferingTests
{
    private static readonly int[] Sizes = [2, 16_382, 16_384, 16_386, 20_000, 32_768, 40_000, 65_534, 65_536, 70_000, 150_000];

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "iq-reader-buffering-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase("1.2.840.10008.1.2")]
    [TestCase("1.2.840.10008.1.2.1")]
    [TestCase("1.2.840.10008.1.2.2")]
    public void Values_across_read_boundaries_come_back_exactly_from_file_stream_and_memory(string syntaxUid)
    {
        DicomDataset written = DatasetWithValuesOfEverySize();
        string path = Write(written, TransferSyntax.Lookup(syntaxUid));
        byte[] bytes = File.ReadAllBytes(path);

        DicomFile fromFile = DicomFile.Open(path);
        DicomFile fromStream = DicomFile.Open(new MemoryStream(bytes));
        DicomFile fromMemory = DicomFileReader.Read(bytes);

        foreach (DicomFile read in new[] { fromFile, fromStream, fromMemory })
        {
            read.Warnings.Should().BeEmpty();
            read.Dataset.Count.Should().Be(written.Count);
            foreach (DicomElement e in written)
            {
                read.Dataset.Find(e.Tag)!.Data.ToArray().Should().Equal(e.Data.ToArray(), $"{e.Tag} must read back unchanged");
            }
        }
    }

    [Test]
    public void Header_only_stops_at_pixel_data_after_a_header_longer_than_the_first_read()
    {
        DicomDataset written = DatasetWithValuesOfEverySize();
        written.AddBytes(new DicomTag(0x7FE00010), DicomVR.OW, new byte[1 << 20]);
        string path = Write(written, TransferSyntax.ExplicitVRLittleEndian);

        DicomFile header = DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true });

        header.Dataset.Contains(new DicomTag(0x7FE00010)).Should().BeFalse();
        header.Dataset.Count.Should().Be(written.Count - 1);
        header.PixelDataOffset.Should().Be(new FileInfo(path).Length - (1 << 20) - 12);
    }

    [Test]
    public void A_file_cut_inside_a_long_value_is_still_reported_as_truncated()
    {
        string path = Write(DatasetWithValuesOfEverySize(), TransferSyntax.ExplicitVRLittleEndian);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^1000]); // inside the 150 000-byte value, whose end the reader cannot reach

        Action read = () => DicomFile.Open(path);

        read.Should().Throw<DicomFormatException>().WithMessage("*truncated*");
    }

    [Test]
    public void A_file_cut_inside_an_element_header_is_reported_not_read_as_complete()
    {
        var ds = new DicomDataset();
        ds.AddString(new DicomTag(0x00100010), DicomVR.PN, "Doe^Jane");
        ds.AddString(new DicomTag(0x00100020), DicomVR.LO, "ID1");
        string path = Write(ds, TransferSyntax.ExplicitVRLittleEndian);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^(4 + 5)]); // the last element's value and half its header gone

        Action read = () => DicomFile.Open(path);

        read.Should().Throw<DicomFormatException>().WithMessage("*element header*");
    }

    private string Write(DicomDataset dataset, TransferSyntax syntax)
    {
        string path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".dcm");
        using (var stream = File.Create(path))
        {
            DicomFileWriter.Write(stream, null, dataset, syntax);
        }

        return path;
    }

    /// <summary>Small elements between OB values whose sizes put their ends on, before and after each read boundary.</summary>
    private static DicomDataset DatasetWithValuesOfEverySize()
    {
        var ds = new DicomDataset();
        ds.AddString(new DicomTag(0x00080016), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.AddString(new DicomTag(0x00080018), DicomVR.UI, "2.25.1234567890");
        ds.AddString(new DicomTag(0x00090010), DicomVR.LO, "IQ BUFFERING TEST");
        for (int i = 0; i < Sizes.Length; i++)
        {
            var value = new byte[Sizes[i]];
            for (int j = 0; j < value.Length; j++)
            {
                value[j] = (byte)((j * 31) + i);
            }

            ds.AddBytes(new DicomTag(0x0009, (ushort)(0x1000 + (2 * i))), DicomVR.OB, value);
            ds.AddString(new DicomTag(0x0009, (ushort)(0x1001 + (2 * i))), DicomVR.LO, $"after {Sizes[i]}");
        }

        ds.AddUInt16(new DicomTag(0x00280010), 512);
        return ds;
    }
}

using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;
using ImageQuality.Storage.Index;

namespace ImageQuality.Storage.Tests.Index;

public sealed class InstanceRecordReaderTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_GE_mammogram_gives_its_view_laterality_operator_and_unit()
    {
        var path = TestCorpus.File("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
        var file = DicomFileReader.Read(path, new DicomReadOptions { StopBeforePixelData = true });

        var record = new InstanceRecordReader().Read(file, path, new FileInfo(path).Length, Received, "MAMMO1");

        record.Should().BeEquivalentTo(new
        {
            StudyInstanceUid = "1.2.840.113564.99.1.132112381479.62.2015929114621460.1007647.2",
            Modality = "MG",
            ViewPosition = "MLO",
            ImageLaterality = "R",
            Operator = "xxx",
            StationName = "GESEN121",
            TransferSyntaxUid = "1.2.840.10008.1.2.4.70",
            CallingAeTitle = "MAMMO1",
            ReceivedAt = Received,
        });
        record.SopClassUid.Should().Be("1.2.840.10008.5.1.4.1.1.1.2");
        record.Manufacturer.Should().StartWith("GE");
    }

    [Test]
    public void The_technologist_attribute_can_be_another_one()
    {
        var path = TestCorpus.File("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm");
        var file = DicomFileReader.Read(path, new DicomReadOptions { StopBeforePixelData = true });

        new InstanceRecordReader("StationName").Read(file, path, 1, Received, null).Operator.Should().Be("GESEN121");
        new InstanceRecordReader("(0008,1010)").Read(file, path, 1, Received, null).Operator.Should().Be("GESEN121");
        var act = () => new InstanceRecordReader("NoSuchKeyword");
        act.Should().Throw<ArgumentException>().WithMessage("*neither a DICOM keyword nor a tag*");
    }

    [Test]
    public void Every_corpus_file_with_the_identifying_uids_can_be_indexed()
    {
        var reader = new InstanceRecordReader();
        var indexed = 0;
        foreach (var path in TestCorpus.AllFiles())
        {
            ImageQuality.Dicom.DicomFile file;
            try
            {
                file = DicomFileReader.Read(path, new DicomReadOptions { StopBeforePixelData = true });
            }
            catch (Exception e) when (e is ImageQuality.Dicom.IO.DicomFormatException or EndOfStreamException or InvalidDataException)
            {
                continue;
            }

            var hasIdentity = file.Dataset.Contains(ImageQuality.Dicom.DicomTag.StudyInstanceUID) && file.Dataset.Contains(ImageQuality.Dicom.DicomTag.SeriesInstanceUID);
            var act = () => reader.Read(file, path, 1, Received, null);
            if (hasIdentity && (file.Dataset.Contains(ImageQuality.Dicom.DicomTag.SOPInstanceUID) || file.FileMetaInformation.Contains(ImageQuality.Dicom.DicomTag.MediaStorageSOPInstanceUID)))
            {
                act.Should().NotThrow(TestCorpus.Relative(path));
                indexed++;
            }
            else
            {
                act.Should().Throw<InvalidDataException>().WithMessage("*is missing, so the instance cannot be indexed");
            }
        }

        indexed.Should().BeGreaterThan(300);
    }
}

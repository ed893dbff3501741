using ImageQuality.Analysis.ProstateMr.Tests.Corpus;
using ImageQuality.Dicom;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Analysis.ProstateMr.Tests;

public sealed class ProstateStudyScopeTests
{
    [Test]
    public void Prostate_MR_is_in_and_a_mammogram_is_out()
    {
        var analyzer = new ProstateMrProtocolAnalyzer();

        analyzer.AppliesTo(ProstateXStudy.Instances()[0]).Should().BeTrue("BodyPartExamined PROSTATE");
        analyzer.AppliesTo(InstanceContext.Load(TestCorpus.File("mammo_dicom/GH133_GE_SenographeEssential_R_MLO_JPEGLossless.dcm"))).Should().BeFalse();
    }

    [TestCase("PELVIS", "M", null, true)]
    [TestCase("PELVIS", "F", null, false)]
    [TestCase("", "M", "MRI PROSTATE W/WO CONTRAST", true)]
    [TestCase("ABDOMEN", "M", "MRI LIVER", false)]
    public void Body_part_sex_and_description(string bodyPart, string sex, string? studyDescription, bool applies)
    {
        InstanceContext image = StudyVariant.Edit(ProstateXStudy.Instances()[0], ds =>
        {
            ds.AddString(DicomTag.BodyPartExamined, DicomVR.CS, bodyPart).AddString(DicomTag.PatientSex, DicomVR.CS, sex);
            ds.AddString(DicomTag.SeriesDescription, DicomVR.LO, "t2_tse_tra").AddString(DicomTag.ProtocolName, DicomVR.LO, "t2_tse_tra");
            if (studyDescription is not null)
            {
                ds.AddString(DicomTag.StudyDescription, DicomVR.LO, studyDescription);
            }
            else
            {
                ds.Remove(DicomTag.StudyDescription);
            }
        });

        new ProstateMrProtocolAnalyzer().AppliesTo(image).Should().Be(applies);
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Random values of every VR, written in each native transfer syntax and read back, come back byte for byte
/// (NaN payloads included); random nested sequences come back with the same structure.
/// </summary>
public sealed class VrCodecPropertyTests
{
    private const int Tries = 60;

    // A private tag: no dictionary gives it a VR, so implicit VR reads it back as UN, its bytes untouched.
    private static readonly DicomTag Creator = new(0x00090010);
    private static readonly DicomTag Value = new(0x00091010);

    private static readonly string[] BinaryVRs = ["US", "SS", "UL", "SL", "FL", "FD", "SV", "UV", "AT", "OB", "OW", "OF", "OD", "OL", "OV", "UN"];
    private static readonly string[] StringVRs = ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"];

    public static IEnumerable<TestCaseData> BinaryCases() => Cases(BinaryVRs);

    public static IEnumerable<TestCaseData> StringCases() => Cases(StringVRs);

    public static IEnumerable<TestCaseData> SequenceCases() =>
        from syntax in TransferSyntax.NativeSyntaxes
        from explicitLengths in new[] { false, true }
        select new TestCaseData(syntax, explicitLengths).SetArgDisplayNames(syntax.Name, explicitLengths ? "explicit lengths" : "undefined lengths");

    [TestCaseSource(nameof(BinaryCases))]
    public void Binary_values_survive(string vrCode, TransferSyntax syntax)
    {
        DicomVR vr = DicomVR.Parse(vrCode);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tries), Prop.ForAll(Arb.From(VrValueGenerators.BinaryValue(vr)), (byte[] value) =>
        {
            DicomElement read = RoundTrip(vr, value, syntax);
            AssertSurvived(vr, value, read, syntax);
        }));
    }

    [TestCaseSource(nameof(StringCases))]
    public void String_values_survive(string vrCode, TransferSyntax syntax)
    {
        DicomVR vr = DicomVR.Parse(vrCode);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tries), Prop.ForAll(Arb.From(VrValueGenerators.StringValue(vr)), (string value) =>
        {
            // The writer pads odd lengths itself: the value goes in as it is.
            DicomElement read = RoundTrip(vr, Encoding.ASCII.GetBytes(value), syntax, out DicomDataset dataset);
            AssertSurvived(vr, Encoding.ASCII.GetBytes(value), read, syntax);
            dataset.GetString(Value).Should().Be(value.TrimEnd(' ', '\0'));
        }));
    }

    [TestCaseSource(nameof(SequenceCases))]
    public void Nested_sequences_survive(TransferSyntax syntax, bool explicitLengths)
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Tries), Prop.ForAll(Arb.From(VrValueGenerators.Dataset(depth: 4)), (DicomDataset dataset) =>
        {
            byte[] bytes = WriterDetailTests.WriteDataset(dataset, syntax, explicitLengths);
            DicomDataset read = WriterDetailTests.ReadDataset(bytes, syntax);
            DatasetComparer.Compare(dataset, read, syntax.IsExplicitVR).Should().BeEmpty();
        }));
    }

    private static IEnumerable<TestCaseData> Cases(string[] vrs) =>
        from vr in vrs
        from syntax in TransferSyntax.NativeSyntaxes
        select new TestCaseData(vr, syntax).SetArgDisplayNames(vr, syntax.Name);

    private static DicomElement RoundTrip(DicomVR vr, byte[] value, TransferSyntax syntax) => RoundTrip(vr, value, syntax, out _);

    private static DicomElement RoundTrip(DicomVR vr, byte[] value, TransferSyntax syntax, out DicomDataset read)
    {
        var dataset = new DicomDataset();
        dataset.AddString(Creator, DicomVR.LO, "IQ PROPERTY TEST");
        dataset.Add(new DicomElement(Value, vr, value));
        read = WriterDetailTests.ReadDataset(WriterDetailTests.WriteDataset(dataset, syntax), syntax);
        read.Find(Value).Should().NotBeNull().And.NotBeOfType<DicomSequence>();
        return read.Find(Value)!;
    }

    private static void AssertSurvived(DicomVR vr, byte[] value, DicomElement read, TransferSyntax syntax)
    {
        DatasetComparer.SameValue(value, read.Data.Span).Should().BeTrue($"{Convert.ToHexString(value)} came back as {Convert.ToHexString(read.Data.Span)}");
        read.VR.Should().Be(syntax.IsExplicitVR ? vr : DicomVR.UN);
    }
}

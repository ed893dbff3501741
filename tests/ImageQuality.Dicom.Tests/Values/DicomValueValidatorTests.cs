using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomValueValidatorTests
{
    [TestCase("AE", "STORESCP", null)]
    [TestCase("AE", " PACS ", null)]
    [TestCase("AE", "ABCDEFGHIJKLMNOPQ", DicomValueProblemCode.TooLong)]
    [TestCase("AE", "    ", DicomValueProblemCode.InvalidFormat)]
    [TestCase("AE", "PACS\n", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("AE", "PÄCS", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("AS", "018M", null)]
    [TestCase("AS", "18M", DicomValueProblemCode.InvalidFormat)]
    [TestCase("AS", "018m", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("AS", "M018", DicomValueProblemCode.InvalidFormat)]
    [TestCase("CS", "ORIGINAL", null)]
    [TestCase("CS", "MONOCHROME2", null)]
    [TestCase("CS", "ISO_IR 100", null)]
    [TestCase("CS", "original", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("CS", "DERIVED-1", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("CS", "ABCDEFGHIJKLMNOPQ", DicomValueProblemCode.TooLong)]
    [TestCase("DA", "19930822", null)]
    [TestCase("DA", "1993.08.22", DicomValueProblemCode.RetiredFormat)]
    [TestCase("DA", "19930230", DicomValueProblemCode.InvalidFormat)]
    [TestCase("DA", "1993-08-22", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("DS", "1.5", null)]
    [TestCase("DS", " -1.5e-10 ", null)]
    [TestCase("DS", "12345678901234567", DicomValueProblemCode.TooLong)]
    [TestCase("DS", "1,5", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("DS", "NaN", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("DS", "1.5.1", DicomValueProblemCode.InvalidFormat)]
    [TestCase("DS", "1e999", DicomValueProblemCode.OutOfRange)]
    [TestCase("DT", "20200315103015.123456+0100", null)]
    [TestCase("DT", "2020", null)]
    [TestCase("DT", "20200315 1030", DicomValueProblemCode.InvalidFormat)]
    [TestCase("DT", "20200315T1030", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("IS", " -42 ", null)]
    [TestCase("IS", "2147483647", null)]
    [TestCase("IS", "2147483648", DicomValueProblemCode.OutOfRange)]
    [TestCase("IS", "0000000000001", DicomValueProblemCode.TooLong)]
    [TestCase("IS", "4.0", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("IS", "4-", DicomValueProblemCode.InvalidFormat)]
    [TestCase("LO", "Head, routine", null)]
    [TestCase("LO", "Stufe\u001B$B", null)]
    [TestCase("LO", "Line\nbreak", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("LO", "a\\b", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("SH", "ABCDEFGHIJKLMNOP", null)]
    [TestCase("SH", "ABCDEFGHIJKLMNOPQ", DicomValueProblemCode.TooLong)]
    [TestCase("SH", "山田山田山田山田山田山田山田山田", null)] // 16 characters, whatever their encoded size
    [TestCase("PN", "Yamada^Tarou=山田^太郎=やまだ^たろう", null)]
    [TestCase("PN", "a=b=c=d", DicomValueProblemCode.InvalidFormat)]
    [TestCase("PN", "a^b^c^d^e^f", DicomValueProblemCode.InvalidFormat)]
    [TestCase("PN", "Doe\r^John", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("ST", "Line one\r\nLine two\tand a back\\slash", null)]
    [TestCase("ST", "Bell\a", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("UT", "Form\ffeed", null)]
    [TestCase("UC", "anything but a backslash", null)]
    [TestCase("UC", "tab\there", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("TM", "070907.0705", null)]
    [TestCase("TM", "235960", null)]
    [TestCase("TM", "07:09:07", DicomValueProblemCode.RetiredFormat)]
    [TestCase("TM", "021", DicomValueProblemCode.InvalidFormat)]
    [TestCase("TM", "12h30", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("UI", "1.2.840.10008.1.2.1", null)]
    [TestCase("UI", "1.2.840.0.1", null)]
    [TestCase("UI", "1.2.840.01", DicomValueProblemCode.InvalidFormat)]
    [TestCase("UI", "1.2..3", DicomValueProblemCode.InvalidFormat)]
    [TestCase("UI", "1.2.3.", DicomValueProblemCode.InvalidFormat)]
    [TestCase("UI", "1.2.3a", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("UI", "1.2.3\0", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("UI", "1.2.840.10008.1.2.1.111111111111111111111111111111111111111111111", DicomValueProblemCode.TooLong)]
    [TestCase("UR", "http://example.com/a%20b?q=1#frag", null)]
    [TestCase("UR", "urn:oid:1.2.3  ", null)]
    [TestCase("UR", " http://example.com", DicomValueProblemCode.InvalidFormat)]
    [TestCase("UR", "http://example.com/a b", DicomValueProblemCode.InvalidCharacter)]
    [TestCase("UR", "http://example.com/%2", DicomValueProblemCode.InvalidFormat)]
    [TestCase("US", "\u0001\u0002", null)] // binary VRs are not strings and not checked here
    public void Checks_one_value(string vr, string value, DicomValueProblemCode? expected)
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.Validate(DicomVR.Parse(vr), value, problems);
        if (expected is null)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Select(p => p.Code).Should().Equal(expected.Value);
            problems[0].VR.Should().Be(DicomVR.Parse(vr));
            problems[0].ValueIndex.Should().BeNull();
        }
    }

    [Test]
    public void Every_VR_accepts_an_empty_value()
    {
        foreach (DicomVR vr in DicomVR.All)
        {
            var problems = new List<DicomValueProblem>();
            DicomValueValidator.Validate(vr, string.Empty, problems);
            DicomValueValidator.ValidateValue(vr, string.Empty, "1", problems);
            problems.Should().BeEmpty(vr.ToString());
        }
    }

    [TestCase("DS", "1.5\\2.5", "2", null)]
    [TestCase("DS", "1.5\\2.5 ", "2", null)]
    [TestCase("DS", "1.5\\2.5\\3", "2", DicomValueProblemCode.WrongMultiplicity)]
    [TestCase("DS", "1.5", "2-2n", DicomValueProblemCode.WrongMultiplicity)]
    [TestCase("DS", "1\\2\\3\\4", "2-2n", null)]
    [TestCase("DS", "1\\\\3", "3", null)] // an empty value between backslashes is allowed
    [TestCase("CS", "ORIGINAL\\PRIMARY\\AXIAL", "2-n", null)]
    [TestCase("CS", "ORIGINAL\\PRIMARY", null, null)]
    [TestCase("CS", "ORIGINAL\\PRIMARY", "1-n or 1", null)] // unreadable VM: skipped, not a problem of the value
    [TestCase("UI", "1.2.840.10008.1.2.1\0", "1", null)]
    [TestCase("LT", "a\\b\\c", "1", null)] // LT holds one value; the backslash is text
    [TestCase("UR", "http://a\\http://b", "1", DicomValueProblemCode.NotAllowedMultiValue)]
    public void Checks_whole_values(string vr, string value, string? vm, DicomValueProblemCode? expected)
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.ValidateValue(DicomVR.Parse(vr), value, vm, problems);
        if (expected is null)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Select(p => p.Code).Should().Equal(expected.Value);
        }
    }

    [Test]
    public void Says_which_value_is_wrong()
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.ValidateValue(DicomVR.IS, "1\\x\\3\\4.5", DicomValueMultiplicity.Parse("1-n"), problems);
        problems.Select(p => p.ValueIndex).Should().Equal(1, 3);
        problems[0].Message.Should().Contain("\"x\"");
        problems[0].ToString().Should().StartWith("IS value 2: ");
    }

    [Test]
    public void Reports_every_problem_of_a_value_without_throwing()
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.Validate(DicomVR.PN, new string('x', 70) + "=a=b=c^d^e^f^g^h", problems);
        problems.Select(p => p.Code).Should().BeEquivalentTo(
        [
            DicomValueProblemCode.TooLong, DicomValueProblemCode.InvalidFormat, DicomValueProblemCode.InvalidFormat,
        ]);
    }

    [TestCase("PN", "Doe^Jane\n")]
    [TestCase("LO", "Jane Doe, 12 Main Street, long enough to pass the limit of sixty-four characters")]
    [TestCase("SH", "Jane Doe\\x")]
    [TestCase("ST", "Jane Doe\a")]
    [TestCase("AE", "JANE DOE HOSPITAL PACS")]
    [TestCase("UR", " http://example.com/patients/JaneDoe")]
    public void Never_quotes_values_that_may_identify_someone(string vr, string value)
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.Validate(DicomVR.Parse(vr), value, problems);
        problems.Should().NotBeEmpty();
        problems.Should().AllSatisfy(p => p.Message.Should().NotContain("Doe").And.NotContain("DOE"));
    }

    [Test]
    public void Quotes_code_values_with_escapes_and_a_length_limit()
    {
        var problems = new List<DicomValueProblem>();
        DicomValueValidator.Validate(DicomVR.CS, "BAD\u0007" + new string('A', 100), problems);
        problems.Select(p => p.Code).Should().BeEquivalentTo([DicomValueProblemCode.TooLong, DicomValueProblemCode.InvalidCharacter]);
        problems.Should().AllSatisfy(p =>
            p.Message.Should().StartWith("\"BAD\\u0007AAA").And.Contain("AAA\"…").And.NotContain("\u0007"));
        problems.Single(p => p.Code == DicomValueProblemCode.InvalidCharacter).Message.Should().EndWith(
            "contains U+0007 at position 4, which CS does not allow.");
    }
}

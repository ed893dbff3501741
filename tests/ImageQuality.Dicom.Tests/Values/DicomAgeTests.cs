using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomAgeTests
{
    [TestCase("018M", 18, DicomAgeUnit.Months)] // the example of PS3.5 table 6.2-1
    [TestCase("045Y", 45, DicomAgeUnit.Years)]
    [TestCase("000D", 0, DicomAgeUnit.Days)]
    [TestCase("999W", 999, DicomAgeUnit.Weeks)]
    public void Parses_ages(string text, int number, DicomAgeUnit unit)
    {
        DicomAge.TryParse(text, out DicomAge age).Should().BeTrue();
        age.Should().Be(new DicomAge(number, unit));
        age.ToString().Should().Be(text);
    }

    [TestCase("")]
    [TestCase("45Y")]
    [TestCase("045y")]
    [TestCase("045X")]
    [TestCase("0045Y")]
    [TestCase("-45Y")]
    [TestCase("04 Y")]
    [TestCase("Y045")]
    public void Rejects_what_is_not_an_age(string text) =>
        DicomAge.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Refuses_numbers_of_more_than_three_digits()
    {
        ((Action)(() => _ = new DicomAge(1000, DicomAgeUnit.Days))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new DicomAge(-1, DicomAgeUnit.Days))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new DicomAge(1, (DicomAgeUnit)7))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Approximates_durations()
    {
        new DicomAge(3, DicomAgeUnit.Days).ApproximateTimeSpan.Should().Be(TimeSpan.FromDays(3));
        new DicomAge(2, DicomAgeUnit.Weeks).ApproximateTimeSpan.Should().Be(TimeSpan.FromDays(14));
        new DicomAge(12, DicomAgeUnit.Months).ApproximateTimeSpan.Should().Be(new DicomAge(1, DicomAgeUnit.Years).ApproximateTimeSpan);
        new DicomAge(4, DicomAgeUnit.Years).ApproximateTimeSpan.TotalDays.Should().BeApproximately(1460.97, 0.001);
    }

    [Test]
    public void Format_then_parse_gives_the_age_back() =>
        Prop.ForAll(
                Gen.Choose(0, 999).ToArbitrary(),
                Gen.Elements(Enum.GetValues<DicomAgeUnit>()).ToArbitrary(),
                (number, unit) =>
                {
                    var age = new DicomAge(number, unit);
                    string text = DicomAge.Format(age);
                    return text.Length == 4 && DicomAge.TryParse(text, out DicomAge parsed) && parsed == age;
                })
            .QuickCheckThrowOnFailure();
}

using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomIntegerStringTests
{
    [TestCase("0", 0)]
    [TestCase("  -42 ", -42)]
    [TestCase("+7", 7)]
    [TestCase("0012", 12)]
    [TestCase("2147483647", int.MaxValue)]
    [TestCase("-2147483648", int.MinValue)]
    public void Parses_integers(string text, int expected)
    {
        DicomIntegerString.TryParse(text, out int value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("1.0")]
    [TestCase("1e3")]
    [TestCase("--1")]
    [TestCase("+")]
    [TestCase("1 2")]
    [TestCase("0x1F")]
    [TestCase("١٢")]
    [TestCase("2147483648")]
    [TestCase("-2147483649")]
    public void Rejects_what_is_not_an_integer_in_range(string text) =>
        DicomIntegerString.TryParse(text, out int _).Should().BeFalse();

    [Test]
    public void Reads_values_beyond_the_standard_range_as_long()
    {
        DicomIntegerString.TryParse("2147483648", out long value).Should().BeTrue();
        value.Should().Be(2147483648L);
        DicomIntegerString.TryParse("99999999999999999999", out long _).Should().BeFalse();
    }

    [Test]
    public void Every_int_round_trips_within_twelve_characters() =>
        Prop.ForAll(
                Gen.OneOf(ArbMap.Default.GeneratorFor<int>(), Gen.Elements(int.MinValue, int.MaxValue, 0, -1)).ToArbitrary(),
                value =>
                {
                    string text = DicomIntegerString.Format(value);
                    return text.Length <= 12 && DicomIntegerString.TryParse(text, out int parsed) && parsed == value;
                })
            .QuickCheckThrowOnFailure();
}

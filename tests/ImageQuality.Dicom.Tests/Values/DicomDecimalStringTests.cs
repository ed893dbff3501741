using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomDecimalStringTests
{
    [TestCase("1.5", 1.5)]
    [TestCase("  -1.5 ", -1.5)]
    [TestCase("+.5", 0.5)]
    [TestCase("5.", 5.0)]
    [TestCase("-0", 0.0)]
    [TestCase("1e10", 1e10)]
    [TestCase("1.2E-3", 1.2e-3)]
    [TestCase("-4.5E+02", -450.0)]
    [TestCase("0.000000000000000001", 1e-18)]
    [TestCase("1e-400", 0.0)]
    [TestCase("12345678901234567890", 12345678901234567890.0)] // over 16 bytes: read anyway, the validator reports it
    public void Parses_decimals(string text, double expected)
    {
        DicomDecimalString.TryParse(text, out double value).Should().BeTrue();
        value.Should().Be(expected);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("∞")]
    [TestCase("1,5")]
    [TestCase("1 5")]
    [TestCase("1e")]
    [TestCase("e5")]
    [TestCase(".")]
    [TestCase("-")]
    [TestCase("1.2.3")]
    [TestCase("0x10")]
    [TestCase("1e400")]
    [TestCase("1d5")]
    [TestCase("\t1.5")]
    [TestCase("1.5\0")]
    [TestCase("++1")]
    [TestCase("1e+-5")]
    public void Rejects_what_DS_cannot_hold(string text) =>
        DicomDecimalString.TryParse(text, out double _).Should().BeFalse();

    [TestCase("1.25", "1.25")]
    [TestCase(" -1e-3", "-0.001")]
    [TestCase("79228162514264337593543950336", null)]
    [TestCase("NaN", null)]
    public void Parses_decimals_as_decimal(string text, string? expected)
    {
        bool parsed = DicomDecimalString.TryParse(text, out decimal value);
        parsed.Should().Be(expected is not null);
        if (expected is not null)
        {
            value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
        }
    }

    [TestCase(0.0, "0")]
    [TestCase(-0.0, "0")]
    [TestCase(0.1, "0.1")]
    [TestCase(1.5, "1.5")]
    [TestCase(-450.0, "-450")]
    [TestCase(1e16, "1E16")]
    [TestCase(1.5e-7, "0.00000015")]
    [TestCase(1.5e-15, "1.5E-15")]
    [TestCase(100000.0, "100000")]
    [TestCase(1e15, "1000000000000000")]
    [TestCase(0.001, "0.001")]
    [TestCase(1.0 / 3, "0.33333333333333")]
    [TestCase(-1.0 / 3, "-0.3333333333333")]
    [TestCase(Math.PI, "3.14159265358979")]
    [TestCase(123456789012345678.0, "1.23456789012E17")]
    [TestCase(1234567890123456.0, "1234567890123456")]
    [TestCase(double.MaxValue, "1.7976931348E308")] // rounding up would overflow to infinity
    [TestCase(-double.MaxValue, "-1.797693134E308")]
    [TestCase(1.7976931348e308, "1.7976931348E308")]
    [TestCase(double.Epsilon, "5E-324")]
    [TestCase(-2.2250738585072014E-308, "-2.22507386E-308")]
    [TestCase(0.00012345678901234567, "1.23456789012E-4")]
    public void Formats_the_closest_value_that_fits_sixteen_characters(double value, string expected) =>
        DicomDecimalString.Format(value).Should().Be(expected);

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Refuses_to_format_what_DS_cannot_hold(double value)
    {
        ((Action)(() => DicomDecimalString.Format(value))).Should().Throw<ArgumentOutOfRangeException>();
        DicomDecimalString.TryFormat(value, new char[16], out int written).Should().BeFalse();
        written.Should().Be(0);
    }

    [Test]
    public void TryFormat_reports_a_destination_that_is_too_small()
    {
        DicomDecimalString.TryFormat(Math.PI, new char[15], out _).Should().BeFalse();
        DicomDecimalString.TryFormat(Math.PI, new char[16], out int written).Should().BeTrue();
        written.Should().Be(16);
    }

    [Test]
    public void Every_finite_double_formats_to_a_valid_DS_close_to_it() =>
        Prop.ForAll(
                ValueGenerators.FiniteDoubles.ToArbitrary(),
                value =>
                {
                    string text = DicomDecimalString.Format(value);
                    var problems = new List<DicomValueProblem>();
                    DicomValueValidator.Validate(DicomVR.DS, text, problems);

                    // The worst case, "-1.234567891E-300", leaves nine significant digits.
                    return text.Length <= 16
                        && problems.Count == 0
                        && DicomDecimalString.TryParse(text, out double parsed)
                        && Math.Abs(parsed - value) <= (Math.Abs(value) * 5e-9) + double.Epsilon;
                })
            .QuickCheckThrowOnFailure();

    [Test]
    public void Rounding_near_the_largest_double_does_not_overflow() =>
        Prop.ForAll(
                Gen.Choose(0, int.MaxValue)
                    .Select(k => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(double.MaxValue) - k))
                    .ToArbitrary(),
                value =>
                    DicomDecimalString.TryParse(DicomDecimalString.Format(value), out double parsed)
                    && DicomDecimalString.TryParse(DicomDecimalString.Format(-value), out double negative)
                    && Math.Abs(parsed - value) <= value * 1e-10
                    && Math.Abs(negative + value) <= value * 1e-9)
            .QuickCheckThrowOnFailure();

    [Test]
    public void Positive_numbers_from_one_to_1e15_keep_fifteen_digits() =>
        Prop.ForAll(
                Gen.Choose(0, 1_000_000_000).SelectMany(
                    mantissa => Gen.Choose(0, 14), (mantissa, exponent) => (1 + (mantissa / 1e9)) * Math.Pow(10, exponent))
                    .ToArbitrary(),
                value =>
                    DicomDecimalString.TryParse(DicomDecimalString.Format(value), out double parsed)
                    && Math.Abs(parsed - value) <= value * 1e-14)
            .QuickCheckThrowOnFailure();

    [Test]
    public void Decimals_that_fit_come_back_exactly() =>
        Prop.ForAll(
                Gen.Choose(-999_999_999, 999_999_999).SelectMany(
                    mantissa => Gen.Choose(-9, 6), (mantissa, exponent) => double.Parse(
                        mantissa.ToString(CultureInfo.InvariantCulture) + "E" + exponent.ToString(CultureInfo.InvariantCulture),
                        CultureInfo.InvariantCulture))
                    .ToArbitrary(),
                value =>
                    DicomDecimalString.TryParse(DicomDecimalString.Format(value), out double parsed)
                    && parsed.Equals(value))
            .QuickCheckThrowOnFailure();
}

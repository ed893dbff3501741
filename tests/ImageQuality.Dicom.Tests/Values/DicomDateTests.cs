using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomDateTests
{
    [TestCase("19930822", 1993, 8, 22)]
    [TestCase("20000229", 2000, 2, 29)]
    [TestCase("00010101", 1, 1, 1)]
    [TestCase("99991231", 9999, 12, 31)]
    [TestCase("19930822 ", 1993, 8, 22)]
    [TestCase("1993.08.22", 1993, 8, 22)]
    public void Parses_dates(string text, int year, int month, int day)
    {
        DicomDate.TryParse(text, out DateOnly date).Should().BeTrue();
        date.Should().Be(new DateOnly(year, month, day));
    }

    [TestCase("")]
    [TestCase("1993082")]
    [TestCase("199308221")]
    [TestCase("1993-08-22")]
    [TestCase("19930230")]
    [TestCase("19001329")]
    [TestCase("19930800")]
    [TestCase("00000101")]
    [TestCase("19000229")]
    [TestCase(" 19930822")]
    [TestCase("1993.0822")]
    [TestCase("1993.08.2x")]
    [TestCase("١٩٩٣٠٨٢٢")]
    public void Rejects_what_is_not_a_date(string text) =>
        DicomDate.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Formats_with_four_digit_years() =>
        DicomDate.Format(new DateOnly(7, 3, 9)).Should().Be("00070309");

    [Test]
    public void Format_then_parse_gives_the_date_back() =>
        Prop.ForAll(
                ValueGenerators.Dates.ToArbitrary(),
                date => DicomDate.TryParse(DicomDate.Format(date), out DateOnly parsed) && parsed == date)
            .QuickCheckThrowOnFailure();

    [TestCase("20200101-20201231", "2020-01-01", "2020-12-31")]
    [TestCase("-20201231", null, "2020-12-31")]
    [TestCase("20200101-", "2020-01-01", null)]
    [TestCase("20200101", "2020-01-01", "2020-01-01")]
    [TestCase("20200101 - 20200102", "2020-01-01", "2020-01-02")]
    [TestCase("1993.08.22-1993.08.23", "1993-08-22", "1993-08-23")]
    [TestCase("", null, null)]
    public void Parses_ranges(string text, string? start, string? end)
    {
        DicomDateRange.TryParse(text, out DicomDateRange range).Should().BeTrue();
        range.Start.Should().Be(start is null ? null : DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        range.End.Should().Be(end is null ? null : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
    }

    [TestCase("-")]
    [TestCase("20201231-20200101")]
    [TestCase("20200101-2020")]
    [TestCase("20200101-20200102-20200103")]
    [TestCase("x-20200101")]
    public void Rejects_bad_ranges(string text) =>
        DicomDateRange.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Ranges_contain_their_ends_and_open_sides()
    {
        DicomDateRange.TryParse("20200101-20200131", out DicomDateRange closed).Should().BeTrue();
        closed.Contains(new DateOnly(2020, 1, 1)).Should().BeTrue();
        closed.Contains(new DateOnly(2020, 1, 31)).Should().BeTrue();
        closed.Contains(new DateOnly(2020, 2, 1)).Should().BeFalse();
        closed.Contains(new DateOnly(2019, 12, 31)).Should().BeFalse();

        DicomDateRange.TryParse("-20200131", out DicomDateRange until).Should().BeTrue();
        until.Contains(DateOnly.MinValue).Should().BeTrue();
        until.Contains(new DateOnly(2020, 2, 1)).Should().BeFalse();

        default(DicomDateRange).Contains(DateOnly.MaxValue).Should().BeTrue();
    }

    [TestCase("20200101-20201231")]
    [TestCase("-20201231")]
    [TestCase("20200101-")]
    [TestCase("20200101")]
    [TestCase("")]
    public void Range_text_round_trips(string text)
    {
        DicomDateRange.TryParse(text, out DicomDateRange range).Should().BeTrue();
        range.ToString().Should().Be(text);
    }
}

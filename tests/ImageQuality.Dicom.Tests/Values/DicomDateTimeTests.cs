using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomDateTimeTests
{
    [TestCase("2020", "2020-01-01T00:00:00", null, DicomDateTimePrecision.Year)]
    [TestCase("202003", "2020-03-01T00:00:00", null, DicomDateTimePrecision.Month)]
    [TestCase("20200315", "2020-03-15T00:00:00", null, DicomDateTimePrecision.Day)]
    [TestCase("2020031510", "2020-03-15T10:00:00", null, DicomDateTimePrecision.Hours)]
    [TestCase("202003151030", "2020-03-15T10:30:00", null, DicomDateTimePrecision.Minutes)]
    [TestCase("20200315103015", "2020-03-15T10:30:15", null, DicomDateTimePrecision.Seconds)]
    [TestCase("20200315103015.123456+0100", "2020-03-15T10:30:15.123456", 60, DicomDateTimePrecision.Fraction)]
    [TestCase("20200315103015.1-0530 ", "2020-03-15T10:30:15.1", -330, DicomDateTimePrecision.Fraction)]
    [TestCase("2020+1400", "2020-01-01T00:00:00", 840, DicomDateTimePrecision.Year)]
    [TestCase("19991231235959-1200", "1999-12-31T23:59:59", -720, DicomDateTimePrecision.Seconds)]
    [TestCase("20200315+0000", "2020-03-15T00:00:00", 0, DicomDateTimePrecision.Day)]
    public void Parses_date_times(string text, string expected, int? offsetMinutes, DicomDateTimePrecision expectedPrecision)
    {
        DicomDateTime.TryParse(text, out DicomDateTimeValue value).Should().BeTrue();
        value.DateTime.Should().Be(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        value.Offset.Should().Be(offsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null);
        value.Precision.Should().Be(expectedPrecision);
    }

    [TestCase("")]
    [TestCase("202")]
    [TestCase("20200")]
    [TestCase("2020031")]
    [TestCase("202003151")]
    [TestCase("20201315")]
    [TestCase("20200230")]
    [TestCase("0000")]
    [TestCase("2020031524")]
    [TestCase("20200315103015.")]
    [TestCase("20200315103015.1234567")]
    [TestCase("20200315+01")]
    [TestCase("20200315+1401")]
    [TestCase("20200315-1201")]
    [TestCase("20200315+0160")]
    [TestCase("20200315&0100")]
    [TestCase("2020-03-15")]
    [TestCase("20200315T103015")]
    public void Rejects_what_is_not_a_date_time(string text) =>
        DicomDateTime.TryParse(text, out _).Should().BeFalse();

    [Test]
    public void Clamps_a_leap_second()
    {
        DicomDateTime.TryParse("20161231235960+0000", out DicomDateTimeValue value).Should().BeTrue();
        value.DateTime.Should().Be(new DateTime(2016, 12, 31, 23, 59, 59).AddTicks(9_999_990));
    }

    [Test]
    public void Gives_the_instant_when_the_offset_is_known()
    {
        DicomDateTime.TryParse("20200315103015-0500", out DicomDateTimeValue value).Should().BeTrue();
        value.ToDateTimeOffset().Should().Be(new DateTimeOffset(2020, 3, 15, 15, 30, 15, TimeSpan.Zero));

        DicomDateTime.TryParse("20200315103015", out DicomDateTimeValue local).Should().BeTrue();
        local.ToDateTimeOffset().Should().BeNull();
        local.ToDateTimeOffset(TimeSpan.FromHours(2)).Should().Be(new DateTimeOffset(2020, 3, 15, 8, 30, 15, TimeSpan.Zero));
    }

    [Test]
    public void Formats_and_rejects_impossible_offsets()
    {
        var dateTime = new DateTime(2020, 3, 15, 10, 30, 15, 123);
        DicomDateTime.Format(dateTime, TimeSpan.FromMinutes(-330)).Should().Be("20200315103015.123000-0530");
        DicomDateTime.Format(dateTime, null, DicomDateTimePrecision.Day).Should().Be("20200315");
        new DicomDateTimeValue(dateTime, TimeSpan.Zero, DicomDateTimePrecision.Minutes).ToString().Should().Be("202003151030+0000");
        ((Action)(() => DicomDateTime.Format(dateTime, TimeSpan.FromHours(15)))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => DicomDateTime.Format(dateTime, TimeSpan.FromSeconds(30)))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Format_then_parse_gives_the_value_to_its_precision() =>
        Prop.ForAll(
                ValueGenerators.Dates.Zip(ValueGenerators.Times).Select(pair => pair.Item1.ToDateTime(pair.Item2)).ToArbitrary(),
                ValueGenerators.Offsets.ToArbitrary(),
                Gen.Elements(Enum.GetValues<DicomDateTimePrecision>()).ToArbitrary(),
                (full, offset, precision) =>
                {
                    DateTime expected = precision switch
                    {
                        DicomDateTimePrecision.Year => new DateTime(full.Year, 1, 1),
                        DicomDateTimePrecision.Month => new DateTime(full.Year, full.Month, 1),
                        DicomDateTimePrecision.Day => full.Date,
                        DicomDateTimePrecision.Hours => full.Date.AddHours(full.Hour),
                        DicomDateTimePrecision.Minutes => full.Date.AddHours(full.Hour).AddMinutes(full.Minute),
                        DicomDateTimePrecision.Seconds => full.AddTicks(-(full.Ticks % TimeSpan.TicksPerSecond)),
                        _ => full.AddTicks(-(full.Ticks % 10)),
                    };
                    string text = DicomDateTime.Format(full, offset, precision);
                    return text.Length <= 26
                        && DicomDateTime.TryParse(text, out DicomDateTimeValue parsed)
                        && parsed == new DicomDateTimeValue(expected, offset, precision);
                })
            .QuickCheckThrowOnFailure();
}

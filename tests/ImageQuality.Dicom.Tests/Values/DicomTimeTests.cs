using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomTimeTests
{
    // The examples of PS3.5 table 6.2-1, then the other precisions and the retired ACR-NEMA form.
    [TestCase("070907.0705 ", "07:09:07.0705000", DicomTimePrecision.Fraction)]
    [TestCase("1010", "10:10:00", DicomTimePrecision.Minutes)]
    [TestCase("07", "07:00:00", DicomTimePrecision.Hours)]
    [TestCase("235959", "23:59:59", DicomTimePrecision.Seconds)]
    [TestCase("000000.000001", "00:00:00.0000010", DicomTimePrecision.Fraction)]
    [TestCase("120000.5", "12:00:00.5", DicomTimePrecision.Fraction)]
    [TestCase("07:09:07.0705", "07:09:07.0705000", DicomTimePrecision.Fraction)]
    [TestCase("07:09:07", "07:09:07", DicomTimePrecision.Seconds)]
    [TestCase("07:09", "07:09:00", DicomTimePrecision.Minutes)]
    public void Parses_times(string text, string expected, DicomTimePrecision expectedPrecision)
    {
        DicomTime.TryParse(text, out TimeOnly time, out DicomTimePrecision precision).Should().BeTrue();
        time.Should().Be(TimeOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        precision.Should().Be(expectedPrecision);
    }

    [TestCase("021 ")] // from PS3.5: an odd number of digits is not a time
    [TestCase("")]
    [TestCase("2")]
    [TestCase("24")]
    [TestCase("1260")]
    [TestCase("120061")]
    [TestCase("1230.5")]
    [TestCase("123000.")]
    [TestCase("123000.1234567")]
    [TestCase("123000,5")]
    [TestCase(" 1230")]
    [TestCase("12:3")]
    [TestCase("12:30:1")]
    [TestCase("12:30:15.1:2")]
    [TestCase("1230:15")]
    [TestCase("12.30")]
    public void Rejects_what_is_not_a_time(string text) =>
        DicomTime.TryParse(text, out _, out _).Should().BeFalse();

    [TestCase("235960")]
    [TestCase("235960.5")]
    public void Clamps_a_leap_second(string text)
    {
        DicomTime.TryParse(text, out TimeOnly time, out _).Should().BeTrue();
        time.Should().Be(new TimeOnly(23, 59, 59).Add(TimeSpan.FromTicks(9_999_990)));
    }

    [Test]
    public void Formats_each_precision()
    {
        var time = new TimeOnly(7, 9, 7).Add(TimeSpan.FromTicks(705_009));
        DicomTime.Format(time, DicomTimePrecision.Hours).Should().Be("07");
        DicomTime.Format(time, DicomTimePrecision.Minutes).Should().Be("0709");
        DicomTime.Format(time, DicomTimePrecision.Seconds).Should().Be("070907");
        DicomTime.Format(time).Should().Be("070907.070500");
        DicomTime.Format(time, DicomTimePrecision.Fraction, 3).Should().Be("070907.070");
        ((Action)(() => DicomTime.Format(time, DicomTimePrecision.Fraction, 7))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void Format_then_parse_gives_the_time_to_its_precision() =>
        Prop.ForAll(
                ValueGenerators.Times.ToArbitrary(),
                Gen.Elements(Enum.GetValues<DicomTimePrecision>()).ToArbitrary(),
                (time, precision) =>
                {
                    long unit = precision switch
                    {
                        DicomTimePrecision.Hours => TimeSpan.TicksPerHour,
                        DicomTimePrecision.Minutes => TimeSpan.TicksPerMinute,
                        DicomTimePrecision.Seconds => TimeSpan.TicksPerSecond,
                        _ => TimeSpan.TicksPerMillisecond / 1000,
                    };
                    var expected = new TimeOnly(time.Ticks - (time.Ticks % unit));
                    return DicomTime.TryParse(DicomTime.Format(time, precision), out TimeOnly parsed, out DicomTimePrecision parsedPrecision)
                        && parsed == expected && parsedPrecision == precision;
                })
            .QuickCheckThrowOnFailure();
}

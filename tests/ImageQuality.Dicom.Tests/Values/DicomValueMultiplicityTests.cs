using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class DicomValueMultiplicityTests
{
    [TestCase("1", new[] { 1 }, new[] { 0, 2 })]
    [TestCase("3", new[] { 3 }, new[] { 1, 2, 4 })]
    [TestCase("1-32", new[] { 1, 16, 32 }, new[] { 0, 33 })]
    [TestCase("1-n", new[] { 1, 2, 1000 }, new[] { 0 })]
    [TestCase("2-n", new[] { 2, 3, 99 }, new[] { 0, 1 })]
    [TestCase("2-2n", new[] { 2, 4, 100 }, new[] { 0, 1, 3, 5 })]
    [TestCase("3-3n", new[] { 3, 6, 9 }, new[] { 1, 4, 7 })]
    public void Allows_the_counts_of_PS3_6(string text, int[] allowed, int[] refused)
    {
        DicomValueMultiplicity vm = DicomValueMultiplicity.Parse(text);
        vm.ToString().Should().Be(text);
        foreach (int count in allowed)
        {
            vm.Allows(count).Should().BeTrue($"{text} allows {count}");
        }

        foreach (int count in refused)
        {
            vm.Allows(count).Should().BeFalse($"{text} refuses {count}");
        }
    }

    [TestCase("")]
    [TestCase("0")]
    [TestCase("n")]
    [TestCase("2-1")]
    [TestCase("1-2n")]
    [TestCase("1-")]
    [TestCase("-1")]
    [TestCase("1-n or 1")]
    [TestCase("one")]
    public void Rejects_what_is_not_PS3_6_notation(string text)
    {
        DicomValueMultiplicity.TryParse(text, out _).Should().BeFalse();
        ((Action)(() => DicomValueMultiplicity.Parse(text))).Should().Throw<FormatException>();
    }

    [Test]
    public void The_default_value_allows_any_count_without_dividing_by_zero() =>
        default(DicomValueMultiplicity).Allows(3).Should().BeTrue();
}

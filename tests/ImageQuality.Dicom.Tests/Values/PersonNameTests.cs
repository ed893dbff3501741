using FsCheck;
using FsCheck.Fluent;
using ImageQuality.Dicom.Values;

namespace ImageQuality.Dicom.Tests.Values;

public sealed class PersonNameTests
{
    [Test]
    public void Splits_the_five_components() // the example of PS3.5 6.2.1.1
    {
        PersonName name = PersonName.Parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");
        name.Alphabetic.Should().Be(new PersonNameComponentGroup("Adams", "John Robert Quincy", "", "Rev.", "B.A. M.Div."));
        name.Ideographic.IsEmpty.Should().BeTrue();
        name.Phonetic.IsEmpty.Should().BeTrue();
        name.FormatForDisplay().Should().Be("Rev. John Robert Quincy Adams B.A. M.Div.");
    }

    [Test]
    public void Splits_the_three_component_groups() // the Japanese example of PS3.5 H.3.1
    {
        PersonName name = PersonName.Parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        name.Alphabetic.Should().Be(new PersonNameComponentGroup("Yamada", "Tarou"));
        name.Ideographic.Should().Be(new PersonNameComponentGroup("山田", "太郎"));
        name.Phonetic.Should().Be(new PersonNameComponentGroup("やまだ", "たろう"));
        name.ToString().Should().Be("Yamada^Tarou=山田^太郎=やまだ^たろう");
    }

    [TestCase("Doe^John^^^", "Doe^John")]
    [TestCase("Doe^John^^^ ", "Doe^John")]
    [TestCase("Wang^XiaoDong=王^小東=", "Wang^XiaoDong=王^小東")]
    [TestCase("=山田^太郎", "=山田^太郎")]
    [TestCase("==やまだ", "==やまだ")]
    [TestCase("^^^^", "")]
    [TestCase("", "")]
    [TestCase("Doe ^John ", "Doe^John")]
    [TestCase("^Smith", "^Smith")]
    [TestCase("a^b^c^d^e^f", "a^b^c^d^e^f")] // a sixth component stays in the suffix instead of being lost
    [TestCase("a=b=c=d", "a=b=c=d")] // a fourth group stays in the phonetic one
    public void Writes_the_DICOM_form_without_trailing_empty_parts(string text, string expected) =>
        PersonName.Parse(text).ToString().Should().Be(expected);

    [Test]
    public void Displays_the_first_group_that_has_a_name()
    {
        PersonName.Parse("=山田^太郎").FormatForDisplay().Should().Be("太郎 山田");
        PersonName.Parse("Doe").FormatForDisplay().Should().Be("Doe");
        PersonName.Parse("").FormatForDisplay().Should().BeEmpty();
        PersonName.Parse("").IsEmpty.Should().BeTrue();
    }

    [Test]
    public void Names_are_equal_by_value() =>
        PersonName.Parse("Doe^John^^^").Should().Be(PersonName.Parse("Doe^John"));

    [Test]
    public void Normalizing_is_idempotent() =>
        Prop.ForAll(
                ValueGenerators.PersonNameText.ToArbitrary(),
                text =>
                {
                    PersonName once = PersonName.Parse(text);
                    string normal = once.ToString();
                    PersonName twice = PersonName.Parse(normal);
                    return twice == once && twice.ToString() == normal;
                })
            .QuickCheckThrowOnFailure();
}

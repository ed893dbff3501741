using System.Reflection;
using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Dicom.Tests.Dictionary;

public sealed class DicomDictionaryTests
{
    [Test]
    public void Knows_PatientName()
    {
        DicomDictionaryEntry e = DicomDictionary.Find(new DicomTag(0x0010, 0x0010))!;
        e.Should().NotBeNull();
        e.Keyword.Should().Be("PatientName");
        e.ValueRepresentations.Should().Equal(DicomVR.PN);
        e.ValueMultiplicity.Should().Be("1");
        e.IsRetired.Should().BeFalse();
        e.IsRepeating.Should().BeFalse();
        e.PrivateCreator.Should().BeNull();
    }

    [Test]
    public void Lists_every_VR_of_US_or_SS_tags()
    {
        DicomDictionaryEntry e = DicomDictionary.Find(new DicomTag(0x0028, 0x0106))!;
        e.Keyword.Should().Be("SmallestImagePixelValue");
        e.ValueRepresentations.Should().Equal(DicomVR.US, DicomVR.SS);
    }

    [Test]
    public void Matches_overlay_groups_by_mask_even_groups_only()
    {
        DicomDictionaryEntry e = DicomDictionary.Find(new DicomTag(0x6002, 0x3000))!;
        e.Keyword.Should().Be("OverlayData");
        e.IsRepeating.Should().BeTrue();
        e.ValueRepresentations.Should().Equal(DicomVR.OB, DicomVR.OW);
        DicomDictionary.Find(new DicomTag(0x601E, 0x3000))!.Keyword.Should().Be("OverlayData");
        DicomDictionary.Find(new DicomTag(0x60FE, 0x3000))!.Keyword.Should().Be("OverlayData");

        DicomDictionary.Find(new DicomTag(0x6001, 0x3000)).Should().BeNull("odd groups are private");
        DicomDictionary.Find(new DicomTag(0x6100, 0x3000)).Should().BeNull("60xx ends at 60FF");
    }

    [Test]
    public void Knows_retired_curve_groups()
    {
        DicomDictionaryEntry e = DicomDictionary.Find(new DicomTag(0x5002, 0x0010))!;
        e.Keyword.Should().Be("NumberOfPoints");
        e.IsRetired.Should().BeTrue();
        e.IsRepeating.Should().BeTrue();
        e.ValueRepresentations.Should().Equal(DicomVR.US);
    }

    [TestCase(0x3100)]
    [TestCase(0x3105)]
    [TestCase(0x31FF)]
    public void Matches_element_ranges(int element)
    {
        DicomDictionaryEntry e = DicomDictionary.Find(new DicomTag(0x0020, (ushort)element))!;
        e.Keyword.Should().Be("SourceImageIDs");
        e.IsRetired.Should().BeTrue();
        e.Mask.Should().Be(0xFFFFFF00);
    }

    [Test]
    public void Gives_no_VR_to_items_and_delimiters()
    {
        DicomDictionaryEntry item = DicomDictionary.Find(DicomTag.Item)!;
        item.Keyword.Should().Be("Item");
        item.ValueRepresentations.Should().BeEmpty();
        DicomDictionary.Find(DicomTag.SequenceDelimitationItem)!.Keyword.Should().Be("SequenceDelimitationItem");
    }

    [Test]
    public void Reads_dcmtk_pseudo_VRs()
    {
        DicomDictionary.Find(DicomTag.PixelData)!.ValueRepresentations.Should().Equal(DicomVR.OB, DicomVR.OW);
        DicomDictionary.Find(new DicomTag(0x0028, 0x3006))!.ValueRepresentations.Should().Equal(DicomVR.US, DicomVR.SS, DicomVR.OW);
        DicomDictionary.Find(new DicomTag(0x0004, 0x1200))!.ValueRepresentations.Should().Equal(DicomVR.UL);
    }

    [Test]
    public void Knows_private_creators_and_group_lengths_of_any_group()
    {
        DicomDictionary.Find(new DicomTag(0x0009, 0x0010))!.Keyword.Should().Be("PrivateCreator");
        DicomDictionary.Find(new DicomTag(0xFFFD, 0x00FF))!.ValueRepresentations.Should().Equal(DicomVR.LO);
        DicomDictionary.Find(new DicomTag(0x0009, 0x0100)).Should().BeNull();
        DicomDictionary.Find(new DicomTag(0x0029, 0x0000))!.Keyword.Should().Be("PrivateGroupLength");
        DicomDictionary.Find(new DicomTag(0x0028, 0x0000))!.Keyword.Should().Be("GenericGroupLength");
        DicomDictionary.Find(new DicomTag(0x0002, 0x0000))!.Keyword.Should().Be("FileMetaInformationGroupLength");
        DicomDictionary.Find(new DicomTag(0x0003, 0x0011))!.Keyword.Should().Be("IllegalPrivateCreator");
        DicomDictionary.Find(new DicomTag(0x0008, 0x0011)).Should().BeNull();
    }

    [Test]
    public void Finds_private_tags_by_creator_whatever_the_block()
    {
        DicomDictionaryEntry e = DicomDictionary.FindPrivate("GEMS_PARM_01", new DicomTag(0x0043, 0x1039))!;
        e.Keyword.Should().Be("SlopInteger6ToSlopInteger9");
        e.ValueRepresentations.Should().Equal(DicomVR.IS);
        e.ValueMultiplicity.Should().Be("4");
        e.PrivateCreator.Should().Be("GEMS_PARM_01");

        DicomDictionary.FindPrivate("GEMS_PARM_01", new DicomTag(0x0043, 0x1139)).Should().BeSameAs(e);
        DicomDictionary.FindPrivate("GEMS_PARM_01 ", new DicomTag(0x0043, 0x2039)).Should().BeSameAs(e, "creator values are space padded");
        DicomDictionary.FindPrivate("GEMS_PARM_02", new DicomTag(0x0043, 0x1039)).Should().BeNull();
        DicomDictionary.FindPrivate("GEMS_PARM_01", new DicomTag(0x0045, 0x1039)).Should().BeNull();
        DicomDictionary.FindPrivate("GEMS_PARM_01", new DicomTag(0x0043, 0x0039)).Should().BeNull("(0043,0039) reserves a block");

        // dcmtk's private.dic has no "SIEMENS MR HEADER" (pydicom's private dictionary does); CSA headers it has.
        DicomDictionaryEntry csa = DicomDictionary.FindPrivate("SIEMENS CSA HEADER", new DicomTag(0x0029, 0x1110))!;
        csa.Keyword.Should().Be("CSAImageHeaderInfo");
        csa.ValueRepresentations.Should().Equal(DicomVR.OB);
    }

    [Test]
    public void Finds_private_tags_of_fixed_elements_exactly()
    {
        // Philips gives these at fixed elements of two blocks; the element byte alone cannot tell them apart.
        DicomDictionary.FindPrivate("PHILIPS MR/PART", new DicomTag(0x0019, 0x1000))!.Keyword.Should().Be("FieldOfView");
        DicomDictionary.FindPrivate("PHILIPS MR/PART", new DicomTag(0x0019, 0x1100))!.Keyword.Should().Be("NumberOfStacks");
        DicomDictionary.FindPrivate("PHILIPS MR/PART", new DicomTag(0x0019, 0x1200)).Should().BeNull();
    }

    [Test]
    public void Finds_private_tags_of_repeating_groups()
    {
        DicomDictionaryEntry e = DicomDictionary.FindPrivate("PAPYRUS 3.0", new DicomTag(0x6003, 0x1010))!;
        e.IsRepeating.Should().BeTrue();
        DicomDictionary.FindPrivate("PAPYRUS 3.0", new DicomTag(0x60FF, 0x1110)).Should().BeSameAs(e);
        DicomDictionary.FindPrivate("PAPYRUS 3.0", new DicomTag(0x6101, 0x1010)).Should().BeNull();
    }

    [Test]
    public void Finds_by_keyword()
    {
        DicomDictionary.FindByKeyword("PatientID")!.Tag.Should().Be(new DicomTag(0x0010, 0x0020));
        DicomDictionary.FindByKeyword("OverlayData")!.Tag.Should().Be(new DicomTag(0x6000, 0x3000));
        DicomDictionary.FindByKeyword("SourceImageIDs")!.IsRetired.Should().BeTrue();
        DicomDictionary.FindByKeyword("RETIRED_SourceImageIDs").Should().BeNull();
        DicomDictionary.FindByKeyword("CSAImageHeaderInfo").Should().BeNull("private keywords are not public names");
        DicomDictionary.FindByKeyword("patientname").Should().BeNull();
    }

    [Test]
    public void Public_keywords_are_unique()
    {
        var publicEntries = DicomDictionary.Entries.Where(e => e.PrivateCreator is null).ToList();
        publicEntries.Where(e => !e.IsRepeating).Select(e => e.Keyword).Should().OnlyHaveUniqueItems();

        // Only ranges that no single mask covers are split into several entries, which then agree in all but the tag.
        var split = publicEntries.GroupBy(e => e.Keyword).Where(g => g.Count() > 1).ToList();
        split.Select(g => g.Key).Should().BeEquivalentTo("PrivateGroupLength", "PrivateCreator", "IllegalPrivateCreator");
        foreach (IGrouping<string, DicomDictionaryEntry> g in split)
        {
            g.Should().OnlyContain(e => e.IsRepeating);
            g.Select(e => (e.DefaultVR, e.ValueMultiplicity, e.IsRetired)).Distinct().Should().HaveCount(1);
        }
    }

    [Test]
    public void Repeating_entries_have_no_bits_outside_their_mask()
    {
        DicomDictionary.Entries.Should().OnlyContain(e => (e.Tag.Value & ~e.Mask) == 0);
    }

    [Test]
    public void Is_complete()
    {
        DicomDictionary.Entries.Count.Should().BeGreaterThan(4000);
        DicomDictionary.Entries.Count(e => e.PrivateCreator is not null).Should().BeGreaterThan(2000);
        IReadOnlyList<DicomDictionaryEntry> entries = DicomDictionary.Entries;
        Enumerable.Range(1, entries.Count - 1).Where(i => entries[i - 1].Tag.Value > entries[i].Tag.Value)
            .Should().BeEmpty("the generator sorts by tag");
    }

    [Test]
    public void Names_tags_by_keyword()
    {
        DicomTag.PixelData.Should().Be(new DicomTag(0x7FE0, 0x0010));
        DicomTag.PatientName.Value.Should().Be(0x00100010u);
        DicomTag.SOPClassUID.Should().Be(new DicomTag(0x0008, 0x0016));
        DicomTag.ReferencedCurveSequence.Should().Be(new DicomTag(0x0008, 0x1145), "retired tags are named too");
    }

    [Test]
    public void Every_tag_constant_is_the_dictionary_entry_of_its_name()
    {
        var named = typeof(DicomTag).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(DicomTag))
            .Select(p => (p.Name, Tag: (DicomTag)p.GetValue(null)!))
            .Concat(typeof(DicomTag).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DicomTag))
                .Select(f => (f.Name, Tag: (DicomTag)f.GetValue(null)!)))
            .ToList();
        named.Count.Should().BeGreaterThan(4000);
        named.Where(n => DicomDictionary.Find(n.Tag)?.Keyword != n.Name).Select(n => $"{n.Name} {n.Tag}").Should().BeEmpty();
    }
}

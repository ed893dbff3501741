using System.Buffers.Binary;
using ImageQuality.Dicom.Dictionary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Compares a data set with the one read back after writing it in a transfer syntax, and lists every
/// difference (path, tag, what differs) so that a failing round trip says exactly where it broke.
/// What a writer may legitimately change is allowed: a padding byte added to an odd-length value, the VR
/// lost in implicit VR (then the re-read VR must be the dictionary's or UN), a 16-bit-length VR written as UN
/// when its value is too long for it (PS3.5 6.2.2), and group length values, which are recomputed.
/// </summary>
internal static class DatasetComparer
{
    public static List<string> Compare(DicomDataset expected, DicomDataset actual, bool explicitVR, bool skipMetaGroup = true)
    {
        var differences = new List<string>();
        CompareDatasets(expected, actual, explicitVR, skipMetaGroup, "", differences);
        return differences;
    }

    private static void CompareDatasets(DicomDataset expected, DicomDataset actual, bool explicitVR, bool skipMetaGroup, string path, List<string> differences)
    {
        // Group 0002 belongs to the file meta information only (PS3.10 7.1); the writer leaves it out of the data set.
        List<DicomElement> want = expected.Where(e => !skipMetaGroup || e.Tag.Group != 0x0002).ToList();
        List<DicomElement> got = actual.ToList();
        int n = Math.Min(want.Count, got.Count);
        for (int i = 0; i < n; i++)
        {
            if (want[i].Tag != got[i].Tag)
            {
                differences.Add($"{path}#{i}: expected {want[i].Tag}, found {got[i].Tag}");
                return;
            }

            CompareElements(expected, want[i], got[i], explicitVR, $"{path}{want[i].Tag}", differences);
        }

        if (want.Count != got.Count)
        {
            string extra = want.Count > got.Count ? $"missing {want[n].Tag}" : $"extra {got[n].Tag}";
            differences.Add($"{path}: {want.Count} elements expected, {got.Count} found ({extra})");
        }
    }

    private static void CompareElements(DicomDataset expected, DicomElement want, DicomElement got, bool explicitVR, string path, List<string> differences)
    {
        switch (want)
        {
            case DicomSequence sq:
                CompareSequence(sq, got, explicitVR, path, differences);
                return;
            case DicomFragmentSequence fs:
                CompareFragments(fs, got, path, differences);
                return;
        }

        if (got is DicomSequence gotSequence && !explicitVR && want.VR == DicomVR.UN && want.Length > 0)
        {
            // In implicit VR the bytes of a UN value that holds a sequence (PS3.5 6.2.2: always implicit VR
            // little endian) are read as the sequence they are, when the dictionary says SQ or when they start
            // with an item: compare with those bytes read the same way.
            CompareSequence(ReadAsImplicitSequence(want), gotSequence, explicitVR, path, differences);
            return;
        }

        if (got is DicomSequence or DicomFragmentSequence)
        {
            differences.Add($"{path}: a {want.VR} value came back as {got}");
            return;
        }

        if (!VRSurvives(expected, want, got, explicitVR))
        {
            differences.Add($"{path}: VR {want.VR} came back as {got.VR}");
        }

        if (want.Tag.IsGroupLength)
        {
            // Recomputed for the encoding written; checked by the writer's own tests.
            if (got.Length != 4)
            {
                differences.Add($"{path}: group length of {got.Length} bytes");
            }

            return;
        }

        if (!SameValue(want.Data.Span, got.Data.Span))
        {
            differences.Add($"{path}: value of {want.Length} bytes came back as {got.Length} bytes that differ ({Describe(want.Data.Span, got.Data.Span)})");
        }
    }

    private static DicomSequence ReadAsImplicitSequence(DicomElement un)
    {
        var bytes = new byte[8 + un.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, un.Tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), un.Tag.Element);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)un.Length);
        un.Data.Span.CopyTo(bytes.AsSpan(8));
        DicomDataset read = DicomFileReader.ReadDataset(new MemoryStream(bytes), TransferSyntax.ImplicitVRLittleEndian);
        return read.FindSequence(un.Tag) ?? new DicomSequence(un.Tag);
    }

    private static void CompareSequence(DicomSequence want, DicomElement got, bool explicitVR, string path, List<string> differences)
    {
        if (got is not DicomSequence sq)
        {
            // An empty sequence of defined length 0 whose tag the dictionary does not know is indistinguishable
            // from an empty UN value in implicit VR.
            if (!explicitVR && want.Items.Count == 0 && got.Length == 0 && got.VR == DicomVR.UN)
            {
                return;
            }

            differences.Add($"{path}: a sequence came back as {got}");
            return;
        }

        if (want.Items.Count != sq.Items.Count)
        {
            differences.Add($"{path}: {want.Items.Count} items expected, {sq.Items.Count} found");
            return;
        }

        for (int i = 0; i < want.Items.Count; i++)
        {
            CompareDatasets(want.Items[i], sq.Items[i], explicitVR, skipMetaGroup: false, $"{path}[{i}]", differences);
        }
    }

    private static void CompareFragments(DicomFragmentSequence want, DicomElement got, string path, List<string> differences)
    {
        if (got is not DicomFragmentSequence fs)
        {
            differences.Add($"{path}: encapsulated pixel data came back as {got}");
            return;
        }

        if (fs.VR != DicomVR.OB)
        {
            differences.Add($"{path}: encapsulated pixel data came back as {fs.VR}; PS3.5 A.4 says OB");
        }

        if (!SameValue(want.BasicOffsetTable.Span, fs.BasicOffsetTable.Span))
        {
            differences.Add($"{path}: the Basic Offset Table differs");
        }

        if (want.Fragments.Count != fs.Fragments.Count)
        {
            differences.Add($"{path}: {want.Fragments.Count} fragments expected, {fs.Fragments.Count} found");
            return;
        }

        for (int i = 0; i < want.Fragments.Count; i++)
        {
            if (!SameValue(want.Fragments[i].Span, fs.Fragments[i].Span))
            {
                differences.Add($"{path}: fragment {i} differs");
            }
        }
    }

    private static bool VRSurvives(DicomDataset expected, DicomElement want, DicomElement got, bool explicitVR)
    {
        if (got.VR == want.VR)
        {
            return true;
        }

        if (explicitVR)
        {
            // PS3.5 6.2.2: a value too long for a 16-bit length field is written as UN.
            return got.VR == DicomVR.UN && !want.VR.HasLongLength && want.Length + (want.Length & 1) > 0xFFFE;
        }

        return got.VR == DicomVR.UN || DictionaryVRs(expected, want.Tag).Contains(got.VR);
    }

    /// <summary>The VRs the dictionary allows for the tag; for a private tag those its creator's dictionary gives.</summary>
    private static IReadOnlyList<DicomVR> DictionaryVRs(DicomDataset dataset, DicomTag tag)
    {
        if (tag.IsGroupLength)
        {
            return [DicomVR.UL];
        }

        if (!tag.IsPrivate)
        {
            return DicomDictionary.Find(tag)?.ValueRepresentations ?? [];
        }

        if (tag.IsPrivateCreator)
        {
            return [DicomVR.LO];
        }

        string? creator = dataset.GetString(tag.PrivateCreatorTag);
        return creator is null ? [] : DicomDictionary.FindPrivate(creator, tag)?.ValueRepresentations ?? [];
    }

    /// <summary>Equal, or equal but for one padding byte the writer added to an odd-length value.</summary>
    public static bool SameValue(ReadOnlySpan<byte> want, ReadOnlySpan<byte> got) =>
        want.SequenceEqual(got)
        || ((want.Length & 1) == 1 && got.Length == want.Length + 1 && got[..want.Length].SequenceEqual(want) && got[^1] is 0 or (byte)' ');

    private static string Describe(ReadOnlySpan<byte> want, ReadOnlySpan<byte> got)
    {
        int n = Math.Min(want.Length, got.Length);
        for (int i = 0; i < n; i++)
        {
            if (want[i] != got[i])
            {
                return $"first at byte {i}: {want[i]:X2} became {got[i]:X2}";
            }
        }

        return "lengths differ";
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ImageQuality.Dicom;

namespace ImageQuality.Analysis.ProstateMr.Headers;

/// <summary>
/// Private data elements found through their creator (PS3.5 7.8.1): the block (gggg,xx00-xxFF) belongs to whatever
/// creator (gggg,00xx) names, so the element byte alone says nothing. Exports that strip creators but keep the
/// elements (dicom2nifti test data, some anonymisers) are read at the conventional block 10, but only when the group
/// has no creator at all and the caller has already checked the manufacturer.
/// </summary>
internal static class PrivateElements
{
    public static DicomElement? Find(DicomDataset ds, ushort group, string creator, byte element)
    {
        bool anyCreator = false;
        for (ushort block = 0x10; block <= 0xFF; block++)
        {
            if (ds.Find(new DicomTag(group, block)) is not { } creatorElement || creatorElement is DicomSequence)
            {
                continue;
            }

            anyCreator = true;
            string name = Encoding.Latin1.GetString(creatorElement.Data.Span).Trim(' ', '\0');
            if (string.Equals(name, creator, StringComparison.OrdinalIgnoreCase))
            {
                return ds.Find(new DicomTag(group, (ushort)((block << 8) | element)));
            }
        }

        return anyCreator ? null : ds.Find(new DicomTag(group, (ushort)(0x1000 | element)));
    }

    /// <summary>
    /// The value as text, whatever VR it came with: private text values often arrive as OB or UN (explicit VR
    /// exports that did not know the creator's dictionary) and are then the raw ASCII bytes.
    /// </summary>
    public static string Text(DicomElement e) =>
        e is DicomSequence or DicomFragmentSequence ? "" : Encoding.Latin1.GetString(e.Data.Span).Trim(' ', '\0');

    /// <summary>The first number of a text value ("1600 ", "1000000500\8\0\0" gives 1000000500).</summary>
    public static double? FirstNumber(DicomElement e)
    {
        string first = Text(e).Split('\\')[0].Trim();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;
    }

    /// <summary>
    /// A 32-bit float: FL as the toolkit holds it (little endian), or the raw four bytes of a UN/OB value. A UN value
    /// is never byte-swapped on reading (PS3.5 6.2.2: its bytes are those of the sender's little endian encoding).
    /// </summary>
    public static double? Float32(DicomElement e)
    {
        if (e is DicomSequence or DicomFragmentSequence || e.Length < 4)
        {
            return null;
        }

        if (e.VR == DicomVR.FL || e.VR == DicomVR.UN || e.VR == DicomVR.OB || e.VR == DicomVR.OF)
        {
            float f = BinaryPrimitives.ReadSingleLittleEndian(e.Data.Span);
            return float.IsFinite(f) ? f : null;
        }

        if (e.VR == DicomVR.FD && e.Length >= 8)
        {
            double d = BinaryPrimitives.ReadDoubleLittleEndian(e.Data.Span);
            return double.IsFinite(d) ? d : null;
        }

        return FirstNumber(e);
    }
}

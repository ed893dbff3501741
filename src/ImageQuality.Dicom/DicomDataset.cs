using System.Collections;
using ImageQuality.Dicom.Text;

namespace ImageQuality.Dicom;

/// <summary>
/// A data set: elements in ascending tag order (PS3.5 7.1). Items of sequences are data sets too; they know
/// their parent so that a nested text value is decoded with the Specific Character Set in force (PS3.5 7.5.1).
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    private readonly List<DicomElement> _elements = [];
    private DicomCharacterSet? _characterSet;
    private DicomDataset? _parent;

    public DicomDataset()
    {
    }

    public DicomDataset(IEnumerable<DicomElement> elements)
    {
        foreach (DicomElement e in elements)
        {
            Add(e);
        }
    }

    /// <summary>The data set of the sequence that holds this item, or null for a top-level data set.</summary>
    public DicomDataset? Parent
    {
        get => _parent;
        internal set
        {
            _parent = value;

            // An item read before its sequence joined the data set may have cached the default character set.
            InvalidateCharacterSet();
        }
    }

    public int Count => _elements.Count;

    public DicomElement this[int index] => _elements[index];

    /// <summary>Adds or replaces the element with the same tag, keeping tag order.</summary>
    public DicomDataset Add(DicomElement element)
    {
        // Elements nearly always arrive in order: appending is the common case.
        if (_elements.Count == 0 || _elements[^1].Tag < element.Tag)
        {
            _elements.Add(element);
        }
        else
        {
            int i = IndexOf(element.Tag);
            if (i >= 0)
            {
                _elements[i] = element;
            }
            else
            {
                _elements.Insert(~i, element);
            }
        }

        if (element is DicomSequence sq)
        {
            foreach (DicomDataset item in sq.Items)
            {
                item.Parent = this;
            }
        }

        if (element.Tag.Value == 0x00080005)
        {
            InvalidateCharacterSet();
        }

        return this;
    }

    public bool Remove(DicomTag tag)
    {
        int i = IndexOf(tag);
        if (i < 0)
        {
            return false;
        }

        _elements.RemoveAt(i);
        if (tag.Value == 0x00080005)
        {
            InvalidateCharacterSet();
        }

        return true;
    }

    /// <summary>Removes the elements whose tags lie in [first, last].</summary>
    public int RemoveRange(DicomTag first, DicomTag last) =>
        _elements.RemoveAll(e => e.Tag >= first && e.Tag <= last);

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomElement? Find(DicomTag tag)
    {
        int i = IndexOf(tag);
        return i >= 0 ? _elements[i] : null;
    }

    public bool TryGet(DicomTag tag, out DicomElement element)
    {
        int i = IndexOf(tag);
        element = i >= 0 ? _elements[i] : null!;
        return i >= 0;
    }

    public DicomSequence? FindSequence(DicomTag tag) => Find(tag) as DicomSequence;

    /// <summary>Binary search; the bitwise complement of the insertion point when absent, as Array.BinarySearch.</summary>
    private int IndexOf(DicomTag tag)
    {
        int lo = 0;
        int hi = _elements.Count - 1;
        uint v = tag.Value;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            uint m = _elements[mid].Tag.Value;
            if (m == v)
            {
                return mid;
            }

            if (m < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>
    /// The character set of this data set: its own (0008,0005) or, in a sequence item without one, the one
    /// of the data set that holds the sequence.
    /// </summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is { } cs)
            {
                return cs;
            }

            if (Find(new DicomTag(0x00080005)) is { } element && element.Length > 0)
            {
                string[] terms = DecodeDefaultRepertoire(element.Data.Span).Split('\\');
                for (int i = 0; i < terms.Length; i++)
                {
                    terms[i] = terms[i].Trim();
                }

                cs = DicomCharacterSet.FromSpecificCharacterSet(terms, out _);
            }
            else
            {
                cs = Parent?.CharacterSet ?? DicomCharacterSet.Default;
            }

            _characterSet = cs;
            return cs;
        }
    }

    private void InvalidateCharacterSet()
    {
        _characterSet = null;
        foreach (DicomElement e in _elements)
        {
            if (e is DicomSequence sq)
            {
                foreach (DicomDataset item in sq.Items)
                {
                    item.InvalidateCharacterSet();
                }
            }
        }
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A deep copy of the element list; value bytes are shared, being immutable.</summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset();
        foreach (DicomElement e in _elements)
        {
            copy._elements.Add(e is DicomSequence sq
                ? new DicomSequence(sq.Tag, sq.Items.Select(i => i.Clone())) { WasUnknownVR = sq.WasUnknownVR }
                : e);
        }

        foreach (DicomElement e in copy._elements)
        {
            if (e is DicomSequence sq)
            {
                sq.Items.ForEach(i => i.Parent = copy);
            }
        }

        return copy;
    }
}

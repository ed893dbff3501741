using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Dicom.IO;

/// <summary>
/// Parses a data set from a <see cref="DicomByteReader"/> in one encoding (implicit or explicit VR, little or
/// big endian). Every length is checked against the bytes that remain in its enclosing item or sequence
/// before anything is allocated; nesting is bounded.
/// </summary>
internal sealed class DicomDatasetReader
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private const long NoEnd = long.MaxValue;
    private static readonly DicomTag PixelData = new(0x7FE00010);
    private static readonly DicomTag PixelRepresentation = new(0x00280103);

    private readonly DicomByteReader _r;
    private readonly DicomReadOptions _options;
    private readonly string? _sourceName;
    private readonly List<string> _warnings;
    private readonly List<DicomDataset> _open = [];

    // The private creator element last looked up and its text: every element of a private block needs it.
    private DicomElement? _creatorElement;
    private string? _creator;

    public DicomDatasetReader(DicomByteReader reader, DicomReadOptions options, string? sourceName, List<string> warnings)
    {
        _r = reader;
        _options = options;
        _sourceName = sourceName;
        _warnings = warnings;
    }

    /// <summary>Set when reading stopped before top-level Pixel Data; the offset of its tag.</summary>
    public long? PixelDataOffset { get; private set; }

    /// <summary>Reads a top-level data set up to the end of the data (or of <paramref name="end"/>).</summary>
    public void ReadTopLevel(DicomDataset dataset, bool explicitVR, bool bigEndian, long end = NoEnd)
    {
        if (explicitVR && !bigEndian && _r.TryEnsure(8) && !DicomVR.TryParse(_r.Peek(6)[4], _r.Peek(6)[5], out _)
            && !IsAsciiLetterOrSpace(_r.Peek(6)[4]))
        {
            // The meta information says explicit VR but the data set is implicit (a known writer bug);
            // pydicom reads such files the same way.
            Warn("The transfer syntax is explicit VR but the data set is encoded in implicit VR; read as implicit VR");
            explicitVR = false;
        }

        ReadElements(dataset, new Encoding(explicitVR, bigEndian), end, depth: 0, inUndefinedItem: false);
    }

    /// <summary>Reads the single element at the current position, in little endian (used for file meta information).</summary>
    public void ReadOne(DicomDataset dataset, bool explicitVR, long start)
    {
        if (!_r.TryEnsure(8))
        {
            throw Error("The data ends inside an element header", start, null);
        }

        var tag = new DicomTag(_r.ReadUInt16(false), _r.ReadUInt16(false));
        ReadElement(dataset, tag, new Encoding(explicitVR, false), start, NoEnd, depth: 0);
    }

    private readonly record struct Encoding(bool Explicit, bool BigEndian);

    /// <summary>Reads elements until <paramref name="end"/>, an item delimiter (undefined-length items) or the end of data.</summary>
    private void ReadElements(DicomDataset dataset, Encoding enc, long end, int depth, bool inUndefinedItem)
    {
        // Items do not know their parent until their sequence is complete; implicit VR choices that depend on
        // an enclosing data set (Pixel Representation) look through this stack instead.
        _open.Add(dataset);
        try
        {
            ReadElementsCore(dataset, enc, end, depth, inUndefinedItem);
        }
        finally
        {
            _open.RemoveAt(_open.Count - 1);
        }
    }

    private void ReadElementsCore(DicomDataset dataset, Encoding enc, long end, int depth, bool inUndefinedItem)
    {
        while (true)
        {
            long start = _r.Position;
            if (start >= end)
            {
                if (start > end)
                {
                    throw Error("An element ran past the end of its item", start, null);
                }

                return;
            }

            if (!_r.TryEnsure(8))
            {
                if (end == NoEnd && !inUndefinedItem && _r.AtEnd)
                {
                    return;
                }

                if (end == NoEnd && !inUndefinedItem && depth == 0)
                {
                    throw Error("The data ends inside an element header", start, null);
                }

                throw Error(inUndefinedItem ? "The data ends inside an item that has no item delimiter" : "The data ends inside an element header", start, null);
            }

            var tag = new DicomTag(_r.ReadUInt16(enc.BigEndian), _r.ReadUInt16(enc.BigEndian));
            if (tag.Group == 0xFFFE)
            {
                uint delimiterLength = _r.ReadUInt32(enc.BigEndian);
                if (tag == DicomTag.ItemDelimitationItem)
                {
                    if (inUndefinedItem)
                    {
                        return;
                    }

                    Warn($"Stray item delimiter at offset {start} ignored");
                    continue;
                }

                if (tag == DicomTag.SequenceDelimitationItem && depth == 0)
                {
                    Warn($"Stray sequence delimiter at offset {start} ignored");
                    continue;
                }

                throw Error($"Unexpected {tag} (length {delimiterLength}) where a data element should be", start, tag);
            }

            ReadElement(dataset, tag, enc, start, end, depth);
            if (PixelDataOffset is not null)
            {
                return;
            }
        }
    }

    private void ReadElement(DicomDataset dataset, DicomTag tag, Encoding enc, long start, long end, int depth)
    {
        DicomVR vr;
        uint length;
        bool explicitVR = false;
        if (enc.Explicit)
        {
            ReadOnlySpan<byte> vrBytes = _r.Peek(2);
            if (DicomVR.TryParse(vrBytes[0], vrBytes[1], out vr))
            {
                explicitVR = true;
                _r.Advance(2);
                if (vr.HasLongLength)
                {
                    if (!_r.TryEnsure(6))
                    {
                        throw Error("The data ends inside an element header", start, tag);
                    }

                    _r.Advance(2);
                    length = _r.ReadUInt32(enc.BigEndian);
                }
                else
                {
                    length = _r.ReadUInt16(enc.BigEndian);
                }
            }
            else if (IsAsciiLetterOrSpace(vrBytes[0]) && IsAsciiLetterOrSpace(vrBytes[1]))
            {
                // An unknown VR code: PS3.5 6.2 says to treat it as UN, but its length field is most
                // likely the short form of the VRs the writer knew.
                Warn($"Unknown VR '{(char)vrBytes[0]}{(char)vrBytes[1]}' for {tag} at offset {start}, read as UN");
                _r.Advance(2);
                length = _r.ReadUInt16(enc.BigEndian);
                vr = DicomVR.UN;
                explicitVR = true;
            }
            else
            {
                // Some writers put implicit VR elements in explicit VR data sets; dcmtk reads them so too.
                Warn($"{tag} at offset {start} has no VR in an explicit VR data set; read as implicit VR");
                length = _r.ReadUInt32(enc.BigEndian);
                vr = ImplicitVR(dataset, tag);
            }
        }
        else
        {
            length = _r.ReadUInt32(enc.BigEndian);
            vr = ImplicitVR(dataset, tag);
        }

        if (depth == 0 && tag == PixelData && _options.StopBeforePixelData)
        {
            PixelDataOffset = start;
            return;
        }

        long valueStart = _r.Position;
        if (length == UndefinedLength)
        {
            ReadUndefinedLength(dataset, tag, vr, enc, explicitVR, start, end, depth);
            return;
        }

        if (valueStart + length > end)
        {
            throw Error($"Value length {length} runs past the end of its item or sequence at offset {end}", start, tag);
        }

        if (length > _r.Remaining)
        {
            throw Error($"Value length {length} runs past the end of the data ({_r.Remaining} bytes remain): the file is truncated", start, tag);
        }

        if (vr == DicomVR.SQ)
        {
            var sq = new DicomSequence(tag);
            ReadItems(sq, enc, valueStart + length, undefinedLength: false, depth + 1);
            dataset.Add(sq);
            return;
        }

        if (!explicitVR && vr == DicomVR.UN && _options.DetectSequencesInUnknownValues && length >= 8 && LooksLikeItem(enc))
        {
            // A private sequence in implicit VR whose creator we do not know: its bytes are items.
            var sq = new DicomSequence(tag) { WasUnknownVR = true };
            ReadItems(sq, enc, valueStart + length, undefinedLength: false, depth + 1);
            dataset.Add(sq);
            return;
        }

        if ((length & 1) == 1)
        {
            Warn($"{tag} at offset {start} has odd length {length}");
        }

        if (_options.DeferValuesLongerThan is { } limit && length > limit && _r.FilePath is { } path)
        {
            int swap = enc.BigEndian && vr != DicomVR.UN ? vr.ByteSwapSize : 1;
            var reference = new DicomBulkDataReference(path, valueStart, length, swap);
            if (!_r.TrySkip(length))
            {
                throw Error($"Value length {length} runs past the end of the data", start, tag);
            }

            dataset.Add(new DicomElement(tag, vr, reference));
            return;
        }

        if (!_r.TryReadBytes(length, out byte[] value))
        {
            throw Error($"The data ends inside the value of length {length}: the file is truncated", start, tag);
        }

        if (enc.BigEndian && vr != DicomVR.UN)
        {
            ByteOrder.SwapInPlace(value, vr.ByteSwapSize);
        }

        dataset.Add(new DicomElement(tag, vr, value));
    }

    private void ReadUndefinedLength(DicomDataset dataset, DicomTag tag, DicomVR vr, Encoding enc, bool explicitVR, long start, long end, int depth)
    {
        if (vr == DicomVR.SQ)
        {
            var sq = new DicomSequence(tag);
            ReadItems(sq, enc, end, undefinedLength: true, depth + 1);
            dataset.Add(sq);
            return;
        }

        if (tag == PixelData || vr == DicomVR.OB || vr == DicomVR.OW)
        {
            dataset.Add(ReadFragments(tag, vr == DicomVR.UN ? DicomVR.OB : vr, enc, start, end));
            return;
        }

        if (vr == DicomVR.UN)
        {
            // PS3.5 6.2.2: an undefined-length UN hides a sequence, always encoded implicit VR little endian.
            // In implicit VR the same holds for any element the dictionary does not know.
            var sq = new DicomSequence(tag) { WasUnknownVR = true };
            ReadItems(sq, explicitVR ? new Encoding(false, false) : enc, end, undefinedLength: true, depth + 1);
            dataset.Add(sq);
            return;
        }

        throw Error($"Undefined length is not allowed for VR {vr}", start, tag);
    }

    private void ReadItems(DicomSequence sq, Encoding enc, long end, bool undefinedLength, int depth)
    {
        if (depth > _options.MaxNestingDepth)
        {
            throw Error($"Sequences are nested deeper than {_options.MaxNestingDepth} levels", _r.Position, sq.Tag);
        }

        while (true)
        {
            long start = _r.Position;
            if (start >= end && (!undefinedLength || start > end))
            {
                if (start > end)
                {
                    throw Error("An item ran past the end of its sequence", start, sq.Tag);
                }

                return;
            }

            if (!_r.TryEnsure(8))
            {
                throw Error("The data ends inside a sequence", start, sq.Tag);
            }

            var tag = new DicomTag(_r.ReadUInt16(enc.BigEndian), _r.ReadUInt16(enc.BigEndian));
            uint length = _r.ReadUInt32(enc.BigEndian);
            if (tag == DicomTag.SequenceDelimitationItem)
            {
                if (!undefinedLength)
                {
                    Warn($"Sequence delimiter inside defined-length {sq.Tag} at offset {start}");
                }

                return;
            }

            if (tag != DicomTag.Item)
            {
                throw Error($"Expected an item in sequence {sq.Tag} but found {tag}", start, sq.Tag);
            }

            var item = new DicomDataset();
            sq.Items.Add(item);
            if (length == UndefinedLength)
            {
                ReadElements(item, enc, end, depth, inUndefinedItem: true);
            }
            else
            {
                long itemEnd = _r.Position + length;
                if (itemEnd > end || length > _r.Remaining)
                {
                    throw Error($"Item length {length} runs past the end of its sequence or of the data", start, sq.Tag);
                }

                ReadElements(item, enc, itemEnd, depth, inUndefinedItem: false);
            }
        }
    }

    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr, Encoding enc, long elementStart, long end)
    {
        ReadOnlyMemory<byte> offsetTable = default;
        var fragments = new List<ReadOnlyMemory<byte>>();
        bool first = true;
        while (true)
        {
            long start = _r.Position;
            if (!_r.TryEnsure(8))
            {
                if (_r.AtEnd && !first && end == NoEnd)
                {
                    // Some writers end the file right after the last fragment; every fragment is whole.
                    Warn($"Encapsulated pixel data at offset {elementStart} has no sequence delimiter before the end of the file");
                    break;
                }

                throw Error("The data ends inside encapsulated pixel data (no sequence delimiter)", start, tag);
            }

            var itemTag = new DicomTag(_r.ReadUInt16(enc.BigEndian), _r.ReadUInt16(enc.BigEndian));
            uint length = _r.ReadUInt32(enc.BigEndian);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (itemTag != DicomTag.Item)
            {
                throw Error($"Expected a fragment item in encapsulated pixel data but found {itemTag}", start, tag);
            }

            if (length == UndefinedLength || _r.Position + length > end)
            {
                throw Error($"Fragment length {length} is undefined or runs past its end", start, tag);
            }

            if (!_r.TryReadBytes(length, out byte[] bytes))
            {
                throw Error($"The data ends inside a fragment of length {length}: the file is truncated", start, tag);
            }

            if (first)
            {
                offsetTable = bytes;
                first = false;
            }
            else
            {
                fragments.Add(bytes);
            }
        }

        if (first)
        {
            Warn($"Encapsulated pixel data at offset {elementStart} has no Basic Offset Table item");
        }

        return new DicomFragmentSequence(tag, vr, offsetTable, fragments);
    }

    private bool LooksLikeItem(Encoding enc)
    {
        if (!_r.TryEnsure(8))
        {
            return false;
        }

        ReadOnlySpan<byte> b = _r.Peek(4);
        return enc.BigEndian
            ? b[0] == 0xFF && b[1] == 0xFE && b[2] == 0xE0 && b[3] == 0x00
            : b[0] == 0xFE && b[1] == 0xFF && b[2] == 0x00 && b[3] == 0xE0;
    }

    /// <summary>Whether a reader of implicit VR would know this tag as a sequence from the dictionary.</summary>
    internal static bool DictionarySaysSequence(DicomDataset dataset, DicomTag tag)
    {
        DicomDictionaryEntry? entry;
        if (tag.IsPrivate)
        {
            entry = tag.IsPrivateCreator || tag.Element < 0x1000 || dataset.GetString(tag.PrivateCreatorTag) is not { } creator
                ? null
                : DicomDictionary.FindPrivate(creator, tag);
        }
        else
        {
            entry = DicomDictionary.Find(tag);
        }

        return entry is not null && entry.DefaultVR == DicomVR.SQ;
    }

    /// <summary>The VR an implicit VR element has, from the dictionary (private ones through their creator).</summary>
    private DicomVR ImplicitVR(DicomDataset dataset, DicomTag tag)
    {
        if (tag.Element == 0x0000)
        {
            return DicomVR.UL;
        }

        DicomDictionaryEntry? entry;
        if (tag.IsPrivate)
        {
            if (tag.IsPrivateCreator)
            {
                return DicomVR.LO;
            }

            if (tag.Element < 0x1000)
            {
                return DicomVR.UN;
            }

            string? creator = PrivateCreator(dataset, tag.PrivateCreatorTag);
            entry = creator is null ? null : DicomDictionary.FindPrivate(creator, tag);
        }
        else
        {
            entry = DicomDictionary.Find(tag);
        }

        if (entry is null || entry.ValueRepresentations.Count == 0)
        {
            return DicomVR.UN;
        }

        // PS3.5 A.1: in implicit VR, OB-or-OW values such as Pixel Data are OW.
        if (entry.ValueRepresentations.Count > 1 && entry.ValueRepresentations.Contains(DicomVR.OW))
        {
            return DicomVR.OW;
        }

        // Single pixel values ("US or SS" in PS3.6: Smallest/Largest Image Pixel Value, Pixel Padding Value, …)
        // are signed exactly when the pixels are, i.e. when Pixel Representation (0028,0103) is 1 (PS3.3
        // C.7.6.3.1). The multi-valued LUT descriptors stay US: their first value is an unsigned count.
        if (entry.ValueRepresentations.Count == 2 && entry.ValueMultiplicity == "1"
            && entry.ValueRepresentations.Contains(DicomVR.US) && entry.ValueRepresentations.Contains(DicomVR.SS))
        {
            return PixelsAreSigned(dataset) ? DicomVR.SS : DicomVR.US;
        }

        return entry.DefaultVR;
    }

    /// <summary>Pixel Representation of the innermost data set being read that has one (items inherit it, as pydicom and dcmtk read them).</summary>
    private bool PixelsAreSigned(DicomDataset dataset)
    {
        if (dataset.TryGetUInt16(PixelRepresentation, out ushort own))
        {
            return own == 1;
        }

        for (int i = _open.Count - 1; i >= 0; i--)
        {
            if (_open[i].TryGetUInt16(PixelRepresentation, out ushort value))
            {
                return value == 1;
            }
        }

        return false;
    }

    /// <summary>
    /// The creator string of a private block, decoded once per creator element rather than once per element
    /// of the block. Decoded as the default repertoire: dictionary creators are ASCII, so the data set's
    /// character set (which an item being read cannot know yet) does not change which entry matches.
    /// </summary>
    private string? PrivateCreator(DicomDataset dataset, DicomTag creatorTag)
    {
        DicomElement? element = dataset.Find(creatorTag);
        if (element is null or DicomSequence or DicomFragmentSequence)
        {
            return null;
        }

        if (!ReferenceEquals(element, _creatorElement))
        {
            _creator = DicomDataset.DecodeDefaultRepertoire(element.Data.Span).TrimEnd(' ', '\0');
            _creatorElement = element;
        }

        return _creator;
    }

    private static bool IsAsciiLetterOrSpace(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (byte)' ';

    private void Warn(string message) => _warnings.Add(message);

    private DicomFormatException Error(string message, long offset, DicomTag? tag) => new(message, offset, tag, _sourceName);
}

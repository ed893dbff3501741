using System.Buffers.Binary;

namespace ImageQuality.Dicom.IO;

/// <summary>
/// Encodes a data set in one native encoding (implicit/explicit VR, little/big endian). Values are padded to
/// even length; group lengths are computed for the encoding written; sequences are written with undefined
/// length and delimiters, or with computed lengths. In implicit VR a sequence the dictionary does not know as
/// SQ (a private one, mostly) always gets computed lengths: a reader that cannot know its VR can then skip it
/// as UN, where an undefined length would leave it guessing (CP-246); dcmtk writes them so too.
/// </summary>
internal sealed class DicomDatasetWriter
{
    private const uint UndefinedLength = 0xFFFFFFFF;

    private readonly DicomStreamWriter _w;
    private readonly bool _explicitVR;
    private readonly bool _explicitSequenceLengths;
    private readonly bool _keepGroupLengths;

    public DicomDatasetWriter(DicomStreamWriter writer, bool explicitVR, bool explicitSequenceLengths, bool keepGroupLengths)
    {
        _w = writer;
        _explicitVR = explicitVR;
        _explicitSequenceLengths = explicitSequenceLengths;
        _keepGroupLengths = keepGroupLengths;
    }

    /// <param name="skipMetaGroup">Leave out group 0002, which belongs to the file meta information only (PS3.10 7.1).</param>
    public void WriteDataset(DicomDataset dataset, bool skipMetaGroup = false)
    {
        for (int i = 0; i < dataset.Count; i++)
        {
            DicomElement e = dataset[i];
            if (skipMetaGroup && e.Tag.Group == 0x0002)
            {
                continue;
            }

            if (e.Tag.IsGroupLength)
            {
                if (_keepGroupLengths)
                {
                    WriteGroupLength(dataset, i, e.Tag);
                }

                continue;
            }

            WriteElement(dataset, e);
        }
    }

    private void WriteGroupLength(DicomDataset dataset, int index, DicomTag tag)
    {
        long length = 0;
        for (int j = index + 1; j < dataset.Count && dataset[j].Tag.Group == tag.Group; j++)
        {
            length += EncodedLength(dataset, dataset[j]);
        }

        var value = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, checked((uint)length));
        WriteElement(dataset, new DicomElement(tag, DicomVR.UL, value));
    }

    /// <param name="dataset">The data set that holds the element, whose private creators name private tags.</param>
    public void WriteElement(DicomDataset dataset, DicomElement e)
    {
        switch (e)
        {
            case DicomSequence sq:
                WriteSequence(sq, HasDefinedLength(dataset, sq));
                return;
            case DicomFragmentSequence fs:
                WriteFragments(fs);
                return;
        }

        ReadOnlyMemory<byte> data = e.Data;
        DicomVR vr = WireVR(e.VR, data.Length);
        long padded = data.Length + (data.Length & 1);
        WriteHeader(e.Tag, vr, checked((uint)padded));
        int swapSize = vr == DicomVR.UN ? 1 : e.VR.ByteSwapSize;
        if ((data.Length & 1) == 1 && swapSize > 1 && _w.BigEndian)
        {
            // A malformed odd-length number: its padding byte completes the last unit and is swapped with it,
            // so that reading back swaps value and padding into little endian order again.
            var even = new byte[padded];
            data.Span.CopyTo(even);
            even[^1] = e.VR.PaddingByte;
            _w.WriteValue(even, swapSize);
            return;
        }

        _w.WriteValue(data.Span, swapSize);
        if ((data.Length & 1) == 1)
        {
            _w.WriteByte(e.VR.PaddingByte);
        }
    }

    /// <summary>
    /// A value too long for a 16-bit length field cannot be written with its own VR in explicit VR; PS3.5 6.2.2
    /// says to write it as UN.
    /// </summary>
    private DicomVR WireVR(DicomVR vr, long length) =>
        _explicitVR && !vr.HasLongLength && length + (length & 1) > 0xFFFE ? DicomVR.UN : vr;

    private void WriteHeader(DicomTag tag, DicomVR vr, uint length)
    {
        _w.WriteTag(tag);
        if (!_explicitVR)
        {
            _w.WriteUInt32(length);
            return;
        }

        _w.WriteVR(vr);
        if (vr.HasLongLength)
        {
            _w.WriteUInt16(0);
            _w.WriteUInt32(length);
        }
        else
        {
            _w.WriteUInt16((ushort)length);
        }
    }

    private bool HasDefinedLength(DicomDataset dataset, DicomSequence sq) =>
        _explicitSequenceLengths || (!_explicitVR && !DicomDatasetReader.DictionarySaysSequence(dataset, sq.Tag));

    private void WriteSequence(DicomSequence sq, bool definedLength)
    {
        if (definedLength)
        {
            WriteHeader(sq.Tag, DicomVR.SQ, checked((uint)SequenceValueLength(sq, definedLength)));
            foreach (DicomDataset item in sq.Items)
            {
                _w.WriteTag(DicomTag.Item);
                _w.WriteUInt32(checked((uint)DatasetLength(item)));
                WriteDataset(item);
            }

            return;
        }

        WriteHeader(sq.Tag, DicomVR.SQ, UndefinedLength);
        foreach (DicomDataset item in sq.Items)
        {
            _w.WriteTag(DicomTag.Item);
            _w.WriteUInt32(UndefinedLength);
            WriteDataset(item);
            _w.WriteTag(DicomTag.ItemDelimitationItem);
            _w.WriteUInt32(0);
        }

        _w.WriteTag(DicomTag.SequenceDelimitationItem);
        _w.WriteUInt32(0);
    }

    private void WriteFragments(DicomFragmentSequence fs)
    {
        // PS3.5 A.4: encapsulated pixel data is OB, even where it was read as OW (dcmtk warns about those).
        WriteHeader(fs.Tag, DicomVR.OB, UndefinedLength);
        WriteFragment(fs.BasicOffsetTable.Span);
        foreach (ReadOnlyMemory<byte> f in fs.Fragments)
        {
            WriteFragment(f.Span);
        }

        _w.WriteTag(DicomTag.SequenceDelimitationItem);
        _w.WriteUInt32(0);
    }

    private void WriteFragment(ReadOnlySpan<byte> bytes)
    {
        _w.WriteTag(DicomTag.Item);
        _w.WriteUInt32(checked((uint)(bytes.Length + (bytes.Length & 1))));

        // Fragment bytes are compressed streams, never swapped; the offset table is little endian by definition.
        _w.WriteBytes(bytes);
        if ((bytes.Length & 1) == 1)
        {
            _w.WriteByte(0);
        }
    }

    /// <summary>Bytes the element of <paramref name="dataset"/> takes when written by this writer, header included.</summary>
    public long EncodedLength(DicomDataset dataset, DicomElement e)
    {
        switch (e)
        {
            case DicomSequence sq:
                {
                    bool definedLength = HasDefinedLength(dataset, sq);
                    long header = _explicitVR ? 12 : 8;
                    long items = SequenceValueLength(sq, definedLength);
                    return header + items + (definedLength ? 0 : 8);
                }

            case DicomFragmentSequence fs:
                {
                    long total = (_explicitVR ? 12 : 8) + 8 + Even(fs.BasicOffsetTable.Length) + 8;
                    foreach (ReadOnlyMemory<byte> f in fs.Fragments)
                    {
                        total += 8 + Even(f.Length);
                    }

                    return total;
                }

            default:
                {
                    long length = Even(e.Length);
                    DicomVR vr = WireVR(e.VR, e.Length);
                    long header = !_explicitVR ? 8 : vr.HasLongLength ? 12 : 8;
                    return header + length;
                }
        }
    }

    /// <summary>The value length of a sequence: its items, each with its header (and delimiter when undefined).</summary>
    private long SequenceValueLength(DicomSequence sq, bool definedLength)
    {
        long total = 0;
        foreach (DicomDataset item in sq.Items)
        {
            total += 8 + DatasetLength(item) + (definedLength ? 0 : 8);
        }

        return total;
    }

    private long DatasetLength(DicomDataset dataset)
    {
        long total = 0;
        foreach (DicomElement e in dataset)
        {
            if (e.Tag.IsGroupLength && !_keepGroupLengths)
            {
                continue;
            }

            // A group length element is an UL of 4 bytes with an 8-byte header in every encoding.
            total += e.Tag.IsGroupLength ? 12 : EncodedLength(dataset, e);
        }

        return total;
    }

    private static long Even(long n) => n + (n & 1);
}

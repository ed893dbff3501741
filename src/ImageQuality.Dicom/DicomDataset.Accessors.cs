using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Dicom;

/// <summary>Typed reading and writing of values. Reading never throws for a malformed value: it returns false or null.</summary>
public sealed partial class DicomDataset
{
    /// <summary>
    /// The whole value as text (all values, backslashes included), decoded with the character set in force,
    /// with trailing padding removed; null when the element is absent or not a string.
    /// </summary>
    public string? GetString(DicomTag tag)
    {
        DicomElement? e = Find(tag);
        if (e is null || e is DicomSequence || e is DicomFragmentSequence)
        {
            return null;
        }

        return DecodeString(e);
    }

    /// <summary>Each value of a multi-valued string, with the padding spaces that carry no meaning removed.</summary>
    public string[] GetStrings(DicomTag tag)
    {
        DicomElement? e = Find(tag);
        if (e is null || e.Length == 0 || e is DicomSequence || e is DicomFragmentSequence)
        {
            return [];
        }

        string text = DecodeString(e);
        if (!e.VR.IsMultiValuedString && e.VR != DicomVR.UN)
        {
            return [text];
        }

        string[] values = text.Split('\\');
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = e.VR == DicomVR.UI ? values[i].TrimEnd('\0', ' ') : values[i].Trim(' ');
        }

        return values;
    }

    /// <summary>Value <paramref name="index"/> of a string element, trimmed; null when absent.</summary>
    public string? GetString(DicomTag tag, int index)
    {
        string[] values = GetStrings(tag);
        return index < values.Length ? values[index] : null;
    }

    /// <summary>
    /// Decodes a string value. Text VRs keep leading spaces (they are significant for LT, ST, UT) and lose
    /// trailing padding; UI loses its trailing NUL.
    /// </summary>
    public string DecodeString(DicomElement element)
    {
        ReadOnlySpan<byte> bytes = element.Data.Span;
        DicomVR vr = element.VR;
        if (vr == DicomVR.UI)
        {
            return DecodeDefaultRepertoire(bytes).TrimEnd('\0', ' ');
        }

        string text = vr.IsCharacterSetDependent || vr == DicomVR.UN
            ? CharacterSet.Decode(bytes, vr)
            : DecodeDefaultRepertoire(bytes);
        return text.TrimEnd(' ', '\0');
    }

    /// <summary>Bytes outside the default repertoire are kept as Latin-1 characters rather than lost.</summary>
    internal static string DecodeDefaultRepertoire(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Number of values: counted from the bytes for binary VRs, from backslashes for strings.</summary>
    public int GetValueCount(DicomTag tag)
    {
        DicomElement? e = Find(tag);
        if (e is null)
        {
            return 0;
        }

        return e switch
        {
            DicomSequence sq => sq.Items.Count,
            DicomFragmentSequence fs => fs.Fragments.Count,
            _ when e.Length == 0 => 0,
            _ when e.VR.IsBinaryNumber => (int)(e.Length / e.VR.ByteSwapSize),
            _ when e.VR.IsMultiValuedString => e.Data.Span.Count((byte)'\\') + 1,
            _ => 1,
        };
    }

    public bool TryGetUInt16(DicomTag tag, out ushort value, int index = 0)
    {
        value = 0;
        if (TryGetInt64(tag, out long v, index) && v is >= 0 and <= ushort.MaxValue)
        {
            value = (ushort)v;
            return true;
        }

        return false;
    }

    public bool TryGetInt32(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (TryGetInt64(tag, out long v, index) && v is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)v;
            return true;
        }

        return false;
    }

    /// <summary>An integer from US, SS, UL, SL, SV, UV or IS (and from the first bytes of OB/OW/UN nothing: false).</summary>
    public bool TryGetInt64(DicomTag tag, out long value, int index = 0)
    {
        value = 0;
        DicomElement? e = Find(tag);
        if (e is null || e is DicomSequence || e is DicomFragmentSequence || index < 0)
        {
            return false;
        }

        DicomVR vr = e.VR;
        if (vr == DicomVR.IS || vr == DicomVR.DS)
        {
            string? s = GetString(tag, index);
            return s is not null && Values.DicomIntegerString.TryParse(s, out value);
        }

        ReadOnlySpan<byte> data = e.Data.Span;
        int size = vr.ByteSwapSize;
        if (!vr.IsBinaryNumber || (long)(index + 1) * size > data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> b = data.Slice(index * size, size);
        switch (vr.Code)
        {
            case 0x5553: value = BinaryPrimitives.ReadUInt16LittleEndian(b); return true; // US
            case 0x5353: value = BinaryPrimitives.ReadInt16LittleEndian(b); return true; // SS
            case 0x554C: value = BinaryPrimitives.ReadUInt32LittleEndian(b); return true; // UL
            case 0x534C: value = BinaryPrimitives.ReadInt32LittleEndian(b); return true; // SL
            case 0x5356: value = BinaryPrimitives.ReadInt64LittleEndian(b); return true; // SV
            case 0x5556:
                {
                    ulong u = BinaryPrimitives.ReadUInt64LittleEndian(b);
                    if (u > long.MaxValue)
                    {
                        return false;
                    }

                    value = (long)u;
                    return true;
                }

            default: return false;
        }
    }

    /// <summary>A number from any numeric VR: DS, IS, FL, FD, US, SS, UL, SL, SV, UV.</summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        DicomElement? e = Find(tag);
        if (e is null || e is DicomSequence || e is DicomFragmentSequence || index < 0)
        {
            return false;
        }

        DicomVR vr = e.VR;
        if (vr == DicomVR.DS || vr == DicomVR.IS)
        {
            string? s = GetString(tag, index);
            return s is not null && Values.DicomDecimalString.TryParse(s, out value);
        }

        if (vr == DicomVR.FL || vr == DicomVR.OF)
        {
            ReadOnlySpan<byte> data = e.Data.Span;
            if ((long)(index + 1) * 4 > data.Length)
            {
                return false;
            }

            value = BinaryPrimitives.ReadSingleLittleEndian(data[(index * 4)..]);
            return true;
        }

        if (vr == DicomVR.FD || vr == DicomVR.OD)
        {
            ReadOnlySpan<byte> data = e.Data.Span;
            if ((long)(index + 1) * 8 > data.Length)
            {
                return false;
            }

            value = BinaryPrimitives.ReadDoubleLittleEndian(data[(index * 8)..]);
            return true;
        }

        if (TryGetInt64(tag, out long l, index))
        {
            value = l;
            return true;
        }

        return false;
    }

    /// <summary>Every value of a numeric element as doubles; values that do not parse are skipped.</summary>
    public double[] GetDoubles(DicomTag tag)
    {
        int n = GetValueCount(tag);
        var result = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            if (TryGetDouble(tag, out double d, i))
            {
                result.Add(d);
            }
        }

        return [.. result];
    }

    /// <summary>The tags held by an AT element.</summary>
    public DicomTag[] GetAttributeTags(DicomTag tag)
    {
        DicomElement? e = Find(tag);
        if (e is null || e.VR != DicomVR.AT)
        {
            return [];
        }

        ReadOnlySpan<byte> data = e.Data.Span;
        var tags = new DicomTag[data.Length / 4];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(data[(i * 4)..]), BinaryPrimitives.ReadUInt16LittleEndian(data[((i * 4) + 2)..]));
        }

        return tags;
    }

    /// <summary>Sets a string element, encoding it with the data set's character set and padding it to even length.</summary>
    public DicomDataset AddString(DicomTag tag, DicomVR vr, string value)
    {
        byte[] bytes = vr.IsCharacterSetDependent ? CharacterSet.Encode(value, vr) : Encoding.Latin1.GetBytes(value);
        if ((bytes.Length & 1) == 1)
        {
            Array.Resize(ref bytes, bytes.Length + 1);
            bytes[^1] = vr.PaddingByte;
        }

        return Add(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets a string element using the dictionary's VR for the tag.</summary>
    public DicomDataset AddString(DicomTag tag, string value) => AddString(tag, DictionaryVR(tag), value);

    public DicomDataset AddUInt16(DicomTag tag, params ReadOnlySpan<ushort> values)
    {
        var bytes = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), values[i]);
        }

        return Add(new DicomElement(tag, DicomVR.US, bytes));
    }

    public DicomDataset AddUInt32(DicomTag tag, params ReadOnlySpan<uint> values)
    {
        var bytes = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        }

        return Add(new DicomElement(tag, DicomVR.UL, bytes));
    }

    public DicomDataset AddBytes(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> littleEndianValue) =>
        Add(new DicomElement(tag, vr, littleEndianValue));

    private static DicomVR DictionaryVR(DicomTag tag) =>
        DicomDictionary.Find(tag)?.DefaultVR is { } vr && vr != DicomVR.None ? vr : DicomVR.UN;
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ImageQuality.Dicom.Dictionary;

namespace ImageQuality.Dicom.Formatting;

/// <summary>
/// Prints a data set one element per line, close to dcmdump's form:
/// <c>(gggg,eeee) VR [value]   # length, VM Keyword</c>, sequence items indented.
/// </summary>
public sealed class DicomTextDump
{
    private const int ValueColumn = 52;

    /// <summary>Longest value printed before it is cut with "..."; 0 prints values whole.</summary>
    public int MaxValueLength { get; init; } = 64;

    public void Write(TextWriter output, DicomFile file)
    {
        output.WriteLine("# Dicom-File-Format");
        output.WriteLine();
        output.WriteLine("# Dicom-Meta-Information-Header");
        output.WriteLine("# Used TransferSyntax: Little Endian Explicit");
        WriteDataset(output, file.FileMetaInformation, 0);
        output.WriteLine();
        output.WriteLine("# Dicom-Data-Set");
        output.WriteLine($"# Used TransferSyntax: {file.TransferSyntax.Name}");
        WriteDataset(output, file.Dataset, 0);
        if (file.PixelDataOffset is { } offset)
        {
            output.WriteLine($"# (7fe0,0010) Pixel Data not read (header only), at offset {offset}");
        }
    }

    public void WriteDataset(TextWriter output, DicomDataset dataset, int depth)
    {
        var line = new StringBuilder(128);
        foreach (DicomElement e in dataset)
        {
            line.Clear();
            line.Append(' ', depth * 2).Append(e.Tag.ToString()).Append(' ').Append(e.VR.ToString()).Append(' ');
            switch (e)
            {
                case DicomSequence sq:
                    line.Append(CultureInfo.InvariantCulture, $"(Sequence #={sq.Items.Count})");
                    Finish(output, line, depth, -1, sq.Items.Count, e.Tag, dataset);
                    for (int i = 0; i < sq.Items.Count; i++)
                    {
                        line.Clear();
                        line.Append(' ', (depth + 1) * 2).Append(CultureInfo.InvariantCulture, $"(fffe,e000) na (Item #={sq.Items[i].Count})");
                        Finish(output, line, depth + 1, -1, 1, DicomTag.Item, dataset);
                        WriteDataset(output, sq.Items[i], depth + 2);
                    }

                    break;
                case DicomFragmentSequence fs:
                    line.Append(CultureInfo.InvariantCulture, $"(PixelSequence #={fs.Fragments.Count + 1})");
                    Finish(output, line, depth, -1, 1, e.Tag, dataset);
                    line.Clear();
                    line.Append(' ', (depth + 1) * 2).Append("(fffe,e000) pi ").Append(HexBytes(fs.BasicOffsetTable.Span));
                    Finish(output, line, depth + 1, fs.BasicOffsetTable.Length, 1, DicomTag.Item, dataset);
                    foreach (ReadOnlyMemory<byte> f in fs.Fragments)
                    {
                        line.Clear();
                        line.Append(' ', (depth + 1) * 2).Append("(fffe,e000) pi ").Append(HexBytes(f.Span));
                        Finish(output, line, depth + 1, f.Length, 1, DicomTag.Item, dataset);
                    }

                    break;
                default:
                    string value = FormatValue(dataset, e, MaxValueLength);
                    line.Append(value);
                    Finish(output, line, depth, e.Length, dataset.GetValueCount(e.Tag), e.Tag, dataset);
                    break;
            }
        }
    }

    private static void Finish(TextWriter output, StringBuilder line, int depth, long length, int vm, DicomTag tag, DicomDataset dataset)
    {
        if (line.Length < ValueColumn + (depth * 2))
        {
            line.Append(' ', ValueColumn + (depth * 2) - line.Length);
        }

        line.Append(" # ");
        line.Append(length < 0 ? "u/l" : length.ToString(CultureInfo.InvariantCulture).PadLeft(3));
        line.Append(", ").Append(vm.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(KeywordOf(tag, dataset));
        output.WriteLine(line.ToString());
    }

    /// <summary>The dictionary keyword; for private elements the creator's name for it, or "PrivateCreator"/"Unknown Tag &amp; Data".</summary>
    public static string KeywordOf(DicomTag tag, DicomDataset dataset)
    {
        if (tag == DicomTag.Item)
        {
            return "Item";
        }

        if (tag.IsGroupLength)
        {
            return DicomDictionary.Find(tag)?.Keyword ?? "GenericGroupLength";
        }

        if (tag.IsPrivate)
        {
            if (tag.IsPrivateCreator)
            {
                return "PrivateCreator";
            }

            string? creator = tag.Element >= 0x1000 ? dataset.GetString(tag.PrivateCreatorTag) : null;
            DicomDictionaryEntry? p = creator is null ? null : DicomDictionary.FindPrivate(creator, tag);
            return p?.Keyword ?? "Unknown Tag & Data";
        }

        return DicomDictionary.Find(tag)?.Keyword ?? "Unknown Tag & Data";
    }

    /// <summary>The value as dcmdump shows it: strings in brackets, numbers backslash-separated, bytes in hex.</summary>
    public static string FormatValue(DicomDataset dataset, DicomElement e, int maxLength)
    {
        if (e.Length == 0)
        {
            return "(no value available)";
        }

        DicomVR vr = e.VR;
        string text;
        if (vr.IsString)
        {
            text = "[" + Escape(dataset.DecodeString(e)) + "]";
        }
        else if (vr.IsBinaryNumber)
        {
            text = FormatNumbers(e.Data.Span, vr);
        }
        else if (vr == DicomVR.OW)
        {
            text = HexWords(e.Data.Span);
        }
        else if (vr == DicomVR.OF || vr == DicomVR.OD || vr == DicomVR.OL || vr == DicomVR.OV)
        {
            text = FormatNumbers(e.Data.Span, vr == DicomVR.OF ? DicomVR.FL : vr == DicomVR.OD ? DicomVR.FD : vr == DicomVR.OL ? DicomVR.UL : DicomVR.UV);
        }
        else
        {
            text = HexBytes(e.Data.Span);
        }

        return maxLength > 0 && text.Length > maxLength ? text[..(maxLength - 3)] + "..." : text;
    }

    private static string Escape(string s)
    {
        // Control characters would break the one-line-per-element form.
        if (!s.AsSpan().ContainsAnyInRange('\0', '\u001f'))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(c < ' ' ? '.' : c);
        }

        return sb.ToString();
    }

    public static string FormatNumbers(ReadOnlySpan<byte> data, DicomVR vr)
    {
        // An AT value is two 16-bit numbers, swapped as such but printed as one (gggg,eeee) tag.
        int size = vr == DicomVR.AT ? 4 : vr.ByteSwapSize;
        int count = data.Length / size;
        var sb = new StringBuilder(count * 6);
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            ReadOnlySpan<byte> b = data.Slice(i * size, size);
            switch (vr.Code)
            {
                case 0x5553: sb.Append(BinaryPrimitives.ReadUInt16LittleEndian(b)); break; // US
                case 0x5353: sb.Append(BinaryPrimitives.ReadInt16LittleEndian(b)); break; // SS
                case 0x554C: sb.Append(BinaryPrimitives.ReadUInt32LittleEndian(b)); break; // UL
                case 0x534C: sb.Append(BinaryPrimitives.ReadInt32LittleEndian(b)); break; // SL
                case 0x5356: sb.Append(BinaryPrimitives.ReadInt64LittleEndian(b)); break; // SV
                case 0x5556: sb.Append(BinaryPrimitives.ReadUInt64LittleEndian(b)); break; // UV
                case 0x464C: sb.Append(BinaryPrimitives.ReadSingleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture)); break; // FL
                case 0x4644: sb.Append(BinaryPrimitives.ReadDoubleLittleEndian(b).ToString("R", CultureInfo.InvariantCulture)); break; // FD
                case 0x4154: // AT
                    sb.Append('(').Append(BinaryPrimitives.ReadUInt16LittleEndian(b).ToString("x4", CultureInfo.InvariantCulture)).Append(',')
                        .Append(BinaryPrimitives.ReadUInt16LittleEndian(b[2..]).ToString("x4", CultureInfo.InvariantCulture)).Append(')');
                    break;
            }
        }

        return sb.ToString();
    }

    public static string HexBytes(ReadOnlySpan<byte> data, int max = 64)
    {
        var sb = new StringBuilder(Math.Min(data.Length, max) * 3);
        for (int i = 0; i < data.Length && i < max; i++)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            sb.Append(data[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    public static string HexWords(ReadOnlySpan<byte> data, int max = 32)
    {
        var sb = new StringBuilder();
        for (int i = 0; i + 1 < data.Length && i / 2 < max; i += 2)
        {
            if (i > 0)
            {
                sb.Append('\\');
            }

            sb.Append(BinaryPrimitives.ReadUInt16LittleEndian(data[i..]).ToString("x4", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ImageQuality.Dicom.Formatting;

/// <summary>Writes a data set in the DICOM JSON model (PS3.18 F.2).</summary>
public static class DicomJsonWriter
{
    public static void Write(TextWriter output, DicomDataset dataset, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteDataset(writer, dataset);
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    public static void WriteDataset(Utf8JsonWriter writer, DicomDataset dataset)
    {
        writer.WriteStartObject();
        foreach (DicomElement e in dataset)
        {
            writer.WritePropertyName(e.Tag.Value.ToString("X8", CultureInfo.InvariantCulture));
            writer.WriteStartObject();
            writer.WriteString("vr", e.VR.ToString());
            WriteValue(writer, dataset, e);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, DicomDataset dataset, DicomElement e)
    {
        switch (e)
        {
            case DicomSequence sq:
                if (sq.Items.Count > 0)
                {
                    writer.WriteStartArray("Value");
                    foreach (DicomDataset item in sq.Items)
                    {
                        WriteDataset(writer, item);
                    }

                    writer.WriteEndArray();
                }

                return;
            case DicomFragmentSequence fs:
                writer.WriteBase64String("InlineBinary", EncapsulatedValueField(fs));
                return;
        }

        if (e.Length == 0)
        {
            return;
        }

        DicomVR vr = e.VR;
        if (vr.IsBulk)
        {
            writer.WriteBase64String("InlineBinary", e.Data.Span);
            return;
        }

        writer.WriteStartArray("Value");
        if (vr == DicomVR.PN)
        {
            foreach (string name in dataset.GetStrings(e.Tag))
            {
                WritePersonName(writer, name);
            }
        }
        else if (vr == DicomVR.DS || vr == DicomVR.IS)
        {
            foreach (string s in dataset.GetStrings(e.Tag))
            {
                if (s.Length == 0)
                {
                    writer.WriteNullValue();
                }
                else if (vr == DicomVR.IS && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l))
                {
                    writer.WriteNumberValue(l);
                }
                else if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d))
                {
                    // Keep the digits as written: re-formatting a double could change them.
                    writer.WriteRawValue(NormalizeNumber(s), skipInputValidation: false);
                }
                else
                {
                    writer.WriteStringValue(s);
                }
            }
        }
        else if (vr == DicomVR.AT)
        {
            foreach (DicomTag t in dataset.GetAttributeTags(e.Tag))
            {
                writer.WriteStringValue(t.Value.ToString("X8", CultureInfo.InvariantCulture));
            }
        }
        else if (vr.IsBinaryNumber)
        {
            WriteNumbers(writer, e.Data.Span, vr);
        }
        else
        {
            foreach (string s in dataset.GetStrings(e.Tag))
            {
                if (s.Length == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(s);
                }
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>JSON numbers have no leading '+', no leading zeros and no bare trailing '.'.</summary>
    private static string NormalizeNumber(string s)
    {
        double d = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        string t = s.Trim().TrimStart('+');
        bool plainJson = t.Length > 0 && !t.EndsWith('.') && !t.StartsWith('.') && !t.StartsWith("-.", StringComparison.Ordinal)
            && !(t.Length > 1 && t[0] == '0' && char.IsAsciiDigit(t[1])) && !(t.Length > 2 && t[0] == '-' && t[1] == '0' && char.IsAsciiDigit(t[2]))
            && !t.Contains(".e", StringComparison.OrdinalIgnoreCase);
        return plainJson ? t : d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void WritePersonName(Utf8JsonWriter writer, string name)
    {
        if (name.Length == 0)
        {
            writer.WriteNullValue();
            return;
        }

        string[] groups = name.Split('=');
        writer.WriteStartObject();
        string[] names = ["Alphabetic", "Ideographic", "Phonetic"];
        for (int i = 0; i < groups.Length && i < 3; i++)
        {
            if (groups[i].Length > 0)
            {
                writer.WriteString(names[i], groups[i]);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, ReadOnlySpan<byte> data, DicomVR vr)
    {
        int size = vr.ByteSwapSize;
        for (int i = 0; i + size <= data.Length; i += size)
        {
            ReadOnlySpan<byte> b = data.Slice(i, size);
            switch (vr.Code)
            {
                case 0x5553: writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(b)); break;
                case 0x5353: writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(b)); break;
                case 0x554C: writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(b)); break;
                case 0x534C: writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(b)); break;
                case 0x5356: writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(b)); break;
                case 0x5556: writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(b)); break;
                case 0x464C: WriteFloat(writer, BinaryPrimitives.ReadSingleLittleEndian(b)); break;
                case 0x4644: WriteFloat(writer, BinaryPrimitives.ReadDoubleLittleEndian(b)); break;
            }
        }
    }

    private static void WriteFloat(Utf8JsonWriter writer, double value)
    {
        // JSON has no NaN or infinity; PS3.18 F.2.3.1 gives no encoding for them, so they become null.
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static byte[] EncapsulatedValueField(DicomFragmentSequence fs)
    {
        using var ms = new MemoryStream();
        Span<byte> header = stackalloc byte[8];
        void Item(ReadOnlySpan<byte> bytes, Span<byte> h)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h, 0xE000FFFE);
            BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)bytes.Length);
            ms.Write(h);
            ms.Write(bytes);
        }

        Item(fs.BasicOffsetTable.Span, header);
        foreach (ReadOnlyMemory<byte> f in fs.Fragments)
        {
            Item(f.Span, header);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xE0DDFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 0);
        ms.Write(header);
        return ms.ToArray();
    }
}

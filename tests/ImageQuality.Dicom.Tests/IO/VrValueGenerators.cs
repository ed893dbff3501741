using System.Buffers.Binary;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>FsCheck generators of valid values for each VR (PS3.5 table 6.2-1), and of nested data sets.</summary>
internal static class VrValueGenerators
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";

    /// <summary>Printable characters of the default repertoire (PS3.5 6.1.2.1): G0 of ISO 646 without the backslash.</summary>
    private static readonly string Printable = new(Enumerable.Range(0x20, 0x5F).Select(i => (char)i).Where(c => c != '\\').ToArray());

    private static readonly Gen<byte> AnyByte = Gen.Choose(0, 255).Select(i => (byte)i);

    /// <summary>Float and double bit patterns worth a special try: NaNs with payloads (quiet and signalling), infinities, zeros, subnormals.</summary>
    private static readonly uint[] SpecialFloats = [0x7FC00000, 0xFFC00001, 0x7F800001, 0x7FBFFFFF, 0x7F800000, 0xFF800000, 0x80000000, 0x00000001, 0x807FFFFF];

    private static readonly ulong[] SpecialDoubles =
    [
        0x7FF8000000000000, 0xFFF8000000000001, 0x7FF0000000000001, 0x7FF7FFFFFFFFFFFF, 0x7FF0000000000000,
        0xFFF0000000000000, 0x8000000000000000, 0x0000000000000001, 0x800FFFFFFFFFFFFF,
    ];

    /// <summary>Little endian value bytes for a binary VR: whole numbers of its unit, floats often special.</summary>
    public static Gen<byte[]> BinaryValue(DicomVR vr)
    {
        int size = vr.ByteSwapSize;
        Gen<byte[]> unit = vr == DicomVR.FL || vr == DicomVR.OF
            ? Gen.Frequency((3, Gen.ArrayOf(AnyByte, 4)), (1, Gen.Elements(SpecialFloats).Select(v => Le(v, 4))))
            : vr == DicomVR.FD || vr == DicomVR.OD
                ? Gen.Frequency((3, Gen.ArrayOf(AnyByte, 8)), (1, Gen.Elements(SpecialDoubles).Select(v => Le(v, 8))))
                : Gen.ArrayOf(AnyByte, size);

        // Byte streams (OB, UN) may have odd lengths, which the writer pads.
        return Gen.Choose(0, 48).SelectMany(n => Gen.ArrayOf(unit, n)).Select(units => units.SelectMany(u => u).ToArray());
    }

    /// <summary>A valid value (all its values joined by backslashes where the VR allows several) for a string VR.</summary>
    public static Gen<string> StringValue(DicomVR vr)
    {
        Gen<string> one = vr.ToString() switch
        {
            "AE" => Text(Printable, 1, 16),
            "AS" => from n in Gen.Choose(0, 999) from u in Gen.Elements('D', 'W', 'M', 'Y') select n.ToString("D3", CultureInfo.InvariantCulture) + u,
            "CS" => Text(Upper + Digits + " _", 0, 16),
            "DA" => Date(),
            "DS" => DecimalString(),
            "DT" => from d in Date() from t in Time() from z in Gen.Elements("", "+0100", "-0530") select d + t + z,
            "IS" => from hi in Gen.Choose(short.MinValue, short.MaxValue)
                    from lo in Gen.Choose(0, ushort.MaxValue)
                    select ((hi * 65536) + lo).ToString(CultureInfo.InvariantCulture),
            "LO" => Text(Printable, 0, 64),
            "LT" => Text(Printable + "\\\r\n\f\t", 0, 10240),
            "PN" => from a in Text(Upper + "abcdefghijklmnopqrstuvwxyz -'.", 0, 20)
                    from b in Text(Upper, 0, 20)
                    from c in Gen.Elements("", "^Jr", "^^Dr^III")
                    select (a + "^" + b + c).TrimEnd('^'),
            "SH" => Text(Printable, 0, 16),
            "ST" => Text(Printable + "\\\r\n\f\t", 0, 1024),
            "TM" => Time(),
            "UC" => Text(Printable, 0, 300),
            "UI" => Uid(),
            "UR" => Text(Upper + Digits + "abcdefghijklmnopqrstuvwxyz:/?#[]@!$&'()*+,;=-._~%", 0, 200),
            "UT" => Text(Printable + "\\\r\n\f\t", 0, 3000),
            _ => throw new ArgumentException($"{vr} is not a string VR", nameof(vr)),
        };
        return vr.IsMultiValuedString
            ? Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(one, n)).Select(values => string.Join('\\', values))
            : one;
    }

    /// <summary>A data set of plain values and sequences nested up to <paramref name="depth"/> levels, in tag order.</summary>
    public static Gen<DicomDataset> Dataset(int depth)
    {
        // A public sequence the dictionary knows, and a private one it cannot know.
        DicomTag[] sequenceTags = [new(0x00081140), new(0x00400275), new(0x00091001)];
        DicomTag[] valueTags = [new(0x00080060), new(0x00181030), new(0x00200013), new(0x00280010), new(0x00091002), new(0x00189087)];
        DicomVR[] valueVRs = [DicomVR.CS, DicomVR.LO, DicomVR.IS, DicomVR.US, DicomVR.OB, DicomVR.FD];

        Gen<DicomElement> plain = Gen.Choose(0, valueTags.Length - 1).SelectMany(i =>
            (valueVRs[i].IsString ? StringValue(valueVRs[i]).Select(s => System.Text.Encoding.ASCII.GetBytes(s)) : BinaryValue(valueVRs[i]))
            .Select(bytes => new DicomElement(valueTags[i], valueVRs[i], bytes)));
        Gen<DicomElement> element = depth == 0
            ? plain
            : Gen.Frequency(
                (3, plain),
                (1, from t in Gen.Elements(sequenceTags)
                    from n in Gen.Choose(0, 3)
                    from items in Gen.ListOf(Dataset(depth - 1), n)
                    select (DicomElement)new DicomSequence(t, items)));

        return Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(element, n)).Select(elements =>
        {
            var dataset = new DicomDataset(elements);
            if (dataset.Contains(new DicomTag(0x00091001)) || dataset.Contains(new DicomTag(0x00091002)))
            {
                dataset.AddString(new DicomTag(0x00090010), DicomVR.LO, "IQ PROPERTY TEST");
            }

            return dataset;
        });
    }

    /// <summary>Text of <paramref name="min"/> to <paramref name="max"/> characters; long texts are drawn from a seed, which is much faster than character by character.</summary>
    private static Gen<string> Text(string alphabet, int min, int max) =>
        from n in Gen.Choose(min, max)
        from seed in Gen.Choose(0, int.MaxValue)
        select string.Create(n, (alphabet, seed), static (span, state) =>
        {
            var random = new Random(state.seed);
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[random.Next(state.alphabet.Length)];
            }
        });

    private static Gen<string> Date() =>
        from y in Gen.Choose(1900, 2099)
        from m in Gen.Choose(1, 12)
        from d in Gen.Choose(1, 28)
        select FormattableString.Invariant($"{y:D4}{m:D2}{d:D2}");

    private static Gen<string> Time() =>
        from h in Gen.Choose(0, 23)
        from mi in Gen.Choose(0, 59)
        from s in Gen.Choose(0, 59)
        from f in Gen.Choose(0, 999999)
        from form in Gen.Choose(0, 3)
        select form switch
        {
            0 => FormattableString.Invariant($"{h:D2}"),
            1 => FormattableString.Invariant($"{h:D2}{mi:D2}"),
            2 => FormattableString.Invariant($"{h:D2}{mi:D2}{s:D2}"),
            _ => FormattableString.Invariant($"{h:D2}{mi:D2}{s:D2}.{f:D6}"),
        };

    private static Gen<string> DecimalString() =>
        from mantissa in Gen.Choose(-9999999, 9999999)
        from scale in Gen.Choose(0, 6)
        from exponent in Gen.Choose(-30, 30)
        from form in Gen.Choose(0, 2)
        select form switch
        {
            0 => mantissa.ToString(CultureInfo.InvariantCulture),
            1 => (mantissa / Math.Pow(10, scale)).ToString("0.######", CultureInfo.InvariantCulture),
            _ => FormattableString.Invariant($"{mantissa}E{exponent}"),
        };

    private static Gen<string> Uid() =>
        Gen.Choose(2, 12)
            .SelectMany(n => Gen.ListOf(Gen.Choose(0, 99999).Select(i => i.ToString(CultureInfo.InvariantCulture)), n))
            .Select(parts => "1.2." + string.Join('.', parts))
            .Select(uid => uid.Length > 64 ? uid[..64].TrimEnd('.') : uid);

    private static byte[] Le(ulong bits, int size)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, bits);
        return bytes[..size];
    }
}

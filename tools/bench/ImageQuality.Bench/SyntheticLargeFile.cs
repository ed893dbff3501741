using System.Buffers.Binary;
using System.Globalization;
using ImageQuality.Dicom;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Bench;

/// <summary>
/// A large explicit VR little endian file made for the allocation benchmark: a realistic multi-frame breast
/// tomosynthesis header (about 100 elements, sequences, a private block) written with the toolkit's writer,
/// then native 16-bit Pixel Data of the requested size appended as raw bytes (2048x2048 frames of 8 MiB).
/// </summary>
internal static class SyntheticLargeFile
{
    public const int DefaultSizeMiB = 256;

    /// <summary>Environment variable through which the host hands the file to BenchmarkDotNet's child processes.</summary>
    public const string PathVariable = "IQ_BENCH_LARGE_FILE";

    /// <summary>Environment variable for the size in MiB when no path is given.</summary>
    public const string SizeVariable = "IQ_BENCH_LARGE_MB";

    private const int Rows = 2048;
    private const int Columns = 2048;
    private const int FrameBytes = Rows * Columns * 2;

    public static int SizeFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(SizeVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int mb) && mb > 0
            ? mb
            : DefaultSizeMiB;

    /// <summary>The file named by <see cref="PathVariable"/>, else one of <see cref="SizeFromEnvironment"/> MiB made now.</summary>
    public static string FromEnvironmentOrCreate() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path && File.Exists(path)
            ? path
            : Create(SizeFromEnvironment());

    /// <summary>Writes the file into the temp folder unless it is already there; returns its path.</summary>
    public static string Create(int sizeMiB)
    {
        int frames = Math.Max(1, (int)((sizeMiB * 1024L * 1024L) / FrameBytes));
        string folder = Path.Combine(Path.GetTempPath(), "imagequality-bench");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"synthetic-tomo-{frames}x{Rows}x{Columns}.dcm");
        if (File.Exists(path))
        {
            return path;
        }

        // Written under another name and renamed, so an interrupted run never leaves a short file to be reused.
        string partial = path + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            DicomFileWriter.Write(stream, null, BuildHeader(frames), TransferSyntax.ExplicitVRLittleEndian);
            WritePixelData(stream, (long)frames * FrameBytes);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    private static void WritePixelData(Stream stream, long length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, 0x7FE0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 0x0010);
        header[4] = (byte)'O';
        header[5] = (byte)'W';
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], checked((uint)length));
        stream.Write(header);

        // A 12-bit ramp, so the pixel bytes are not all zeros (no sparse file, no compressible page).
        var chunk = new byte[1 << 22];
        for (int i = 0; i < chunk.Length; i += 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(chunk.AsSpan(i), (ushort)((i >> 1) & 0x0FFF));
        }

        for (long left = length; left > 0; left -= chunk.Length)
        {
            stream.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        }
    }

    private static DicomDataset BuildHeader(int frames)
    {
        var ds = new DicomDataset();
        foreach ((uint tag, string vr, string value) in HeaderStrings)
        {
            ds.AddString(new DicomTag(tag), DicomVR.Parse(vr), value);
        }

        ds.AddString(new DicomTag(0x00280008), DicomVR.IS, frames.ToString(CultureInfo.InvariantCulture));
        ds.AddUInt16(new DicomTag(0x00280002), 1);
        ds.AddUInt16(new DicomTag(0x00280010), Rows);
        ds.AddUInt16(new DicomTag(0x00280011), Columns);
        ds.AddUInt16(new DicomTag(0x00280100), 16);
        ds.AddUInt16(new DicomTag(0x00280101), 12);
        ds.AddUInt16(new DicomTag(0x00280102), 11);
        ds.AddUInt16(new DicomTag(0x00280103), 0);
        ds.AddUInt16(new DicomTag(0x00400302), 1);

        ds.Add(new DicomSequence(new DicomTag(0x00540220), [Code("R-10226", "SRT", "medio-lateral oblique")]));
        ds.Add(new DicomSequence(new DicomTag(0x00082218), [Code("T-04000", "SRT", "Breast")]));
        ds.Add(new DicomSequence(new DicomTag(0x00081140), [ReferencedImage(1), ReferencedImage(2)]));
        return ds;
    }

    private static DicomDataset Code(string value, string scheme, string meaning)
    {
        var item = new DicomDataset();
        item.AddString(new DicomTag(0x00080100), DicomVR.SH, value);
        item.AddString(new DicomTag(0x00080102), DicomVR.SH, scheme);
        item.AddString(new DicomTag(0x00080104), DicomVR.LO, meaning);
        item.Add(new DicomSequence(new DicomTag(0x00540222)));
        return item;
    }

    private static DicomDataset ReferencedImage(int n)
    {
        var item = new DicomDataset();
        item.AddString(new DicomTag(0x00081150), DicomVR.UI, "1.2.840.10008.5.1.4.1.1.1.2");
        item.AddString(new DicomTag(0x00081155), DicomVR.UI, $"2.25.31415926535897932384626433832795028841{n}");
        return item;
    }

    private static readonly (uint Tag, string VR, string Value)[] HeaderStrings =
    [
        (0x00080005, "CS", "ISO_IR 100"),
        (0x00080008, "CS", "ORIGINAL\\PRIMARY\\TOMOSYNTHESIS\\NONE"),
        (0x00080012, "DA", "20240312"),
        (0x00080013, "TM", "101522.000000"),
        (0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.13.1.3"),
        (0x00080018, "UI", "2.25.271828182845904523536028747135266249775"),
        (0x00080020, "DA", "20240312"),
        (0x00080021, "DA", "20240312"),
        (0x00080022, "DA", "20240312"),
        (0x00080023, "DA", "20240312"),
        (0x00080030, "TM", "100904"),
        (0x00080031, "TM", "101230"),
        (0x00080032, "TM", "101301.125000"),
        (0x00080033, "TM", "101522"),
        (0x00080050, "SH", "A123456789"),
        (0x00080060, "CS", "MG"),
        (0x00080068, "CS", "FOR PRESENTATION"),
        (0x00080070, "LO", "Synthetic Medical Systems"),
        (0x00080080, "LO", "Example Breast Centre"),
        (0x00080081, "ST", "1 Example Street, Example Town"),
        (0x00080090, "PN", "Referrer^Example"),
        (0x00081010, "SH", "TOMO01"),
        (0x00081030, "LO", "Screening mammography with tomosynthesis"),
        (0x0008103E, "LO", "R MLO Tomo"),
        (0x00081040, "LO", "Breast imaging"),
        (0x00081050, "PN", "Reader^First"),
        (0x00081070, "PN", "Technologist^Example"),
        (0x00081090, "LO", "Synthetic Tomo 3000"),
        (0x00090010, "LO", "SYNTHETIC_PRIVATE_01"),
        (0x00091001, "LO", "private text value"),
        (0x00091002, "SH", "PRIV02"),
        (0x00091003, "DS", "12.5"),
        (0x00091004, "IS", "42"),
        (0x00100010, "PN", "Anonymous^Patient"),
        (0x00100020, "LO", "PID000123"),
        (0x00100030, "DA", "19650101"),
        (0x00100040, "CS", "F"),
        (0x00101010, "AS", "059Y"),
        (0x00180015, "CS", "BREAST"),
        (0x00180060, "DS", "31"),
        (0x00181000, "LO", "SN0001234"),
        (0x00181020, "LO", "TOMO 1.2.3\\DET 4.5"),
        (0x00181030, "LO", "R MLO Tomo"),
        (0x00181110, "DS", "660"),
        (0x00181111, "DS", "640"),
        (0x00181114, "DS", "1.08"),
        (0x00181147, "CS", "RECTANGLE"),
        (0x00181149, "IS", "240\\300"),
        (0x00181150, "IS", "1250"),
        (0x00181151, "IS", "150"),
        (0x00181152, "IS", "187"),
        (0x00181153, "IS", "187500"),
        (0x00181160, "SH", "RHODIUM"),
        (0x00181164, "DS", "0.1\\0.1"),
        (0x00181166, "CS", "NONE"),
        (0x00181190, "DS", "0.3"),
        (0x00181191, "CS", "TUNGSTEN"),
        (0x001811A0, "DS", "57"),
        (0x001811A2, "DS", "112.5"),
        (0x00181405, "IS", "1500"),
        (0x00181508, "CS", "MAMMOGRAPHY"),
        (0x00181510, "DS", "45"),
        (0x00185101, "CS", "MLO"),
        (0x00187004, "CS", "SCINTILLATOR"),
        (0x00187005, "CS", "AREA"),
        (0x0020000D, "UI", "2.25.161803398874989484820458683436563811772"),
        (0x0020000E, "UI", "2.25.141421356237309504880168872420969807856"),
        (0x00200010, "SH", "S1234"),
        (0x00200011, "IS", "73"),
        (0x00200012, "IS", "1"),
        (0x00200013, "IS", "1"),
        (0x00200020, "CS", "P\\FR"),
        (0x00200052, "UI", "2.25.173205080756887729352744634150587236694"),
        (0x00200060, "CS", "R"),
        (0x00200062, "CS", "R"),
        (0x00204000, "LT", "Synthetic file for header-parse benchmarks; no patient data."),
        (0x00280004, "CS", "MONOCHROME2"),
        (0x00280030, "DS", "0.1\\0.1"),
        (0x00280300, "CS", "NO"),
        (0x00280301, "CS", "NO"),
        (0x00281040, "CS", "LIN"),
        (0x00281050, "DS", "2047\\1800"),
        (0x00281051, "DS", "4096\\3000"),
        (0x00281052, "DS", "0"),
        (0x00281053, "DS", "1"),
        (0x00281054, "LO", "US"),
        (0x00281055, "LO", "NORMAL\\HARDER"),
        (0x00282110, "CS", "00"),
        (0x00400244, "DA", "20240312"),
        (0x00400245, "TM", "100904"),
        (0x00400253, "SH", "PPS0001"),
        (0x00400254, "LO", "Screening tomosynthesis"),
        (0x00400306, "DS", "0"),
        (0x00400316, "DS", "1.25"),
        (0x00408302, "DS", "0.9"),
    ];
}

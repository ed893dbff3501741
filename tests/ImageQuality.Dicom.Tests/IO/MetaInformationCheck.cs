using System.Buffers.Binary;
using ImageQuality.Dicom.IO;

namespace ImageQuality.Dicom.Tests.IO;

/// <summary>
/// Checks the file meta information of written Part 10 bytes by walking the raw bytes, independently of our
/// reader: preamble and "DICM", (0002,0000) equal to the byte length of the rest of the group, the
/// transfer syntax written, and our implementation class UID and version name.
/// </summary>
internal static class MetaInformationCheck
{
    private static readonly DicomTag TransferSyntaxUID = new(0x00020010);
    private static readonly DicomTag ImplementationClassUID = new(0x00020012);
    private static readonly DicomTag ImplementationVersionName = new(0x00020013);

    /// <summary>Every problem found; empty when the meta information is right.</summary>
    public static List<string> Problems(ReadOnlySpan<byte> file, TransferSyntax target)
    {
        var problems = new List<string>();
        if (file.Length < 144 || file[..128].ContainsAnyExcept((byte)0) || !file[128..132].SequenceEqual("DICM"u8))
        {
            problems.Add("no zero preamble and DICM prefix");
            return problems;
        }

        // (0002,0000) UL 4, explicit VR little endian, first in the group (PS3.10 7.1).
        if (BinaryPrimitives.ReadUInt32LittleEndian(file[132..]) != 0x00000002 || !file[136..138].SequenceEqual("UL"u8)
            || BinaryPrimitives.ReadUInt16LittleEndian(file[138..]) != 4)
        {
            problems.Add("the meta information does not start with (0002,0000) UL of length 4");
            return problems;
        }

        uint groupLength = BinaryPrimitives.ReadUInt32LittleEndian(file[140..]);
        long end = 144L + groupLength;
        int pos = 144;
        while (pos < end && pos + 8 <= file.Length)
        {
            ushort group = BinaryPrimitives.ReadUInt16LittleEndian(file[pos..]);
            if (group != 0x0002)
            {
                problems.Add($"element of group {group:X4} at offset {pos} inside the meta group length");
                return problems;
            }

            DicomVR.TryParse(file[pos + 4], file[pos + 5], out DicomVR vr);
            pos += vr.HasLongLength ? 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 8)..]) : 8 + BinaryPrimitives.ReadUInt16LittleEndian(file[(pos + 6)..]);
        }

        if (pos != end)
        {
            problems.Add($"(0002,0000) says the group ends at offset {end}, its elements end at {pos}");
        }

        // After the meta group comes the data set, whose first element is never of group 0002 (deflated data is opaque).
        if (!target.IsDeflated && pos + 2 <= file.Length && BinaryPrimitives.ReadUInt16LittleEndian(file[pos..]) == 0x0002)
        {
            problems.Add($"a group 0002 element follows the meta group at offset {pos}");
        }

        DicomFile read = DicomFileReader.Read(file.ToArray());
        Expect(problems, read.FileMetaInformation, TransferSyntaxUID, target.Uid);
        Expect(problems, read.FileMetaInformation, ImplementationClassUID, DicomImplementation.ClassUid);
        Expect(problems, read.FileMetaInformation, ImplementationVersionName, DicomImplementation.VersionName);
        if (read.FileMetaInformation.Find(new DicomTag(0x00020001)) is not { } version || !version.Data.Span.SequenceEqual(new byte[] { 0, 1 }))
        {
            problems.Add("(0002,0001) is not 00 01");
        }

        return problems;
    }

    private static void Expect(List<string> problems, DicomDataset meta, DicomTag tag, string value)
    {
        string? found = meta.GetString(tag);
        if (found != value)
        {
            problems.Add($"{tag} is '{found}', expected '{value}'");
        }
    }
}

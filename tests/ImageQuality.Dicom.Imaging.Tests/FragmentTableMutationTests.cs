using System.Buffers.Binary;
using System.Diagnostics;
using ImageQuality.Dicom.IO;
using ImageQuality.Dicom.Tests.Corpus;

namespace ImageQuality.Dicom.Imaging.Tests;

/// <summary>
/// Encapsulated corpus files (JPEG lossless, JPEG-LS, JPEG 2000, RLE, deflated frames) with damaged framing:
/// Basic and Extended Offset Tables that lie, fragments cut, split, dropped or repeated, item lengths changed in
/// the file, files cut inside the pixel data, a wrong Number of Frames. Reading must succeed or throw
/// <see cref="DicomFormatException"/>; every frame must then decode or throw <see cref="DicomPixelDataException"/>
/// (or the frame index be refused as out of range), nothing else, and each decode must end within a time limit.
/// Seeds are fixed, so a failure names a reproducible variant.
/// </summary>
public sealed class FragmentTableMutationTests
{
    private const int VariantsPerFile = 120;
    private const int MaxFramesDecoded = 3;
    private static readonly TimeSpan DecodeLimit = TimeSpan.FromSeconds(10);
    private static readonly DicomTag PixelDataTag = new(0x7FE00010);
    private static readonly DicomTag ExtendedOffsetTable = new(0x7FE00001);
    private static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE00002);
    private static readonly DicomTag NumberOfFrames = new(0x00280008);

    private static readonly string[] Sources =
    [
        "robustness/dcm_qa_ts/5_JPEG_Lossless_SV1_1.2.840.10008.1.2.4.70.dcm",
        "robustness/pydicom-data/JPEG-LL.dcm",
        "robustness/dcm_qa_ts/7_JPEG-LS_lossless_.4.80.dcm",
        "robustness/pydicom/MR_small_jpeg_ls_lossless.dcm",
        "robustness/dcm_qa_ts/9_JPEG_2000_lossless_.4.90.dcm",
        "robustness/pydicom/MR_small_jp2klossless.dcm",
        "mr_enhanced/pydicom_emri_small_EnhMR_10frames_RLE.dcm",
        "robustness/fo-dicom/D_CLUNIE_CT1_RLE_FRAGS.dcm",
        "robustness/pydicom-data/liver_deflate.dcm",
    ];

    [TestCaseSource(nameof(Sources))]
    public void Damaged_framing_decodes_or_fails_with_a_pixel_data_error(string relative)
    {
        byte[] fileBytes = File.ReadAllBytes(TestCorpus.File(relative));
        DicomFile original = DicomFile.Open(new MemoryStream(fileBytes));
        DecodeAll(original.Dataset, original.TransferSyntax, "the original").Should().Be(0, $"{relative} itself decodes");

        var random = new Random(relative.Length * 7919);
        int refused = 0;
        for (int i = 0; i < VariantsPerFile; i++)
        {
            string kind;
            DicomDataset dataset;
            if (i % 6 == 5)
            {
                (byte[] damaged, kind) = DamageFileBytes(fileBytes, random);
                try
                {
                    dataset = DicomFile.Open(new MemoryStream(damaged)).Dataset;
                }
                catch (DicomFormatException)
                {
                    refused++;
                    continue;
                }
            }
            else
            {
                dataset = original.Dataset.Clone();
                kind = Damage(dataset, i % 6 == 4 ? random.Next(5, 8) : random.Next(0, 5), random);
            }

            refused += DecodeAll(dataset, original.TransferSyntax, $"variant {i} ({kind}) of {relative}");
        }

        TestContext.Out.WriteLine($"{relative}: {refused} of {VariantsPerFile} variants refused");
        refused.Should().BeGreaterThan(VariantsPerFile / 10, "most damage must be noticed");
    }

    /// <summary>Decodes the first frames under a time limit; returns 1 when the damage was refused, else 0.</summary>
    private static int DecodeAll(DicomDataset dataset, TransferSyntax syntax, string name)
    {
        Task<int> work = Task.Run(() =>
        {
            try
            {
                var pixels = DicomPixelData.Create(dataset, syntax);
                for (int f = 0; f < Math.Min(pixels.FrameCount, MaxFramesDecoded); f++)
                {
                    pixels.DecodeFrame(f);
                }

                return 0;
            }
            catch (DicomPixelDataException)
            {
                return 1;
            }
        });
        try
        {
            work.Wait(DecodeLimit).Should().BeTrue($"{name} must decode or fail within {DecodeLimit.TotalSeconds} s");
        }
        catch (AggregateException e)
        {
            Exception inner = e.InnerException!;
            Assert.Fail($"{name} threw {inner.GetType().Name}: {inner.Message}\n{inner.StackTrace}");
        }

        return work.Result;
    }

    /// <summary>Damages the offset tables, fragments or Number of Frames of the data set in one of eight ways.</summary>
    [Test]
    public void A_Number_of_Frames_whose_table_size_wraps_round_is_refused()
    {
        // 2^29 + 1 frames: frames * 8 is 8 in 32-bit arithmetic, the size of a one-entry Extended Offset Table.
        DicomFile file = DicomFile.Open(TestCorpus.File(Sources[0]));
        DicomDataset dataset = file.Dataset.Clone();
        dataset.AddString(NumberOfFrames, DicomVR.IS, "536870913");
        dataset.AddBytes(ExtendedOffsetTable, DicomVR.OV, new byte[8]);
        dataset.AddBytes(ExtendedOffsetTableLengths, DicomVR.OV, new byte[8]);
        DecodeAll(dataset, file.TransferSyntax, "536870913 frames with a one-entry Extended Offset Table").Should().Be(1);
    }

    private static string Damage(DicomDataset dataset, int how, Random random)
    {
        var pixels = (DicomFragmentSequence)dataset.Find(PixelDataTag)!;
        List<ReadOnlyMemory<byte>> fragments = [.. pixels.Fragments];
        ReadOnlyMemory<byte> table = pixels.BasicOffsetTable;
        int frames = dataset.TryGetInt32(NumberOfFrames, out int n) ? n : 1;
        long itemStream = fragments.Sum(f => 8L + f.Length);
        string kind;
        switch (how)
        {
            case 0:
                int entries = Math.Max(1, frames + random.Next(-1, 2));
                byte[] bot = new byte[entries * 4];
                for (int e = 0; e < entries; e++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bot.AsSpan(e * 4), random.Next(3) == 0 ? (uint)random.Next() : (uint)random.NextInt64(itemStream + 16));
                }

                table = bot;
                kind = $"Basic Offset Table of {entries} random entries";
                break;
            case 1:
                table = BasicOffsetTableOf(fragments, reversed: true);
                kind = "Basic Offset Table in descending order";
                break;
            case 2:
                byte[] offsets = new byte[frames * 8];
                byte[] lengths = new byte[frames * 8];
                for (int e = 0; e < frames; e++)
                {
                    ulong offset = random.Next(4) == 0 ? ulong.MaxValue - (ulong)random.Next(16) : (ulong)random.NextInt64(itemStream + 16);
                    ulong length = random.Next(4) switch { 0 => ulong.MaxValue, 1 => 0, _ => (ulong)random.NextInt64(itemStream + 16) };
                    BinaryPrimitives.WriteUInt64LittleEndian(offsets.AsSpan(e * 8), offset);
                    BinaryPrimitives.WriteUInt64LittleEndian(lengths.AsSpan(e * 8), length);
                }

                dataset.AddBytes(ExtendedOffsetTable, DicomVR.OV, offsets);
                dataset.AddBytes(ExtendedOffsetTableLengths, DicomVR.OV, lengths);
                kind = "random Extended Offset Table";
                break;
            case 3:
                int count = frames + random.Next(-1, 2);
                dataset.AddBytes(ExtendedOffsetTable, DicomVR.OV, new byte[Math.Max(0, count) * 8]);
                dataset.AddBytes(ExtendedOffsetTableLengths, DicomVR.OV, new byte[frames * 8]);
                kind = $"Extended Offset Table of {count} zero entries";
                break;
            case 4:
                int[] choices = [0, 1, frames + 1, frames * 2, 65536, int.MaxValue];
                int wrong = choices[random.Next(choices.Length)];
                dataset.AddString(NumberOfFrames, DicomVR.IS, wrong.ToString(System.Globalization.CultureInfo.InvariantCulture));
                kind = $"Number of Frames {wrong} (was {frames})";
                break;
            case 5:
                int cut = random.Next(fragments.Count);
                int keep = random.Next(fragments[cut].Length);
                fragments[cut] = fragments[cut][..keep];
                kind = $"fragment {cut} cut to {keep} bytes";
                break;
            case 6:
                int split = random.Next(fragments.Count);
                int at = random.Next(1, Math.Max(2, fragments[split].Length));
                at = Math.Min(at, fragments[split].Length);
                ReadOnlyMemory<byte> whole = fragments[split];
                fragments[split] = whole[..at];
                fragments.Insert(split + 1, whole[at..]);
                kind = $"fragment {split} split at {at} (offset table kept)";
                break;
            default:
                int which = random.Next(fragments.Count);
                if (random.Next(2) == 0 && fragments.Count > 1)
                {
                    fragments.RemoveAt(which);
                    kind = $"fragment {which} dropped";
                }
                else
                {
                    fragments.Insert(which, fragments[which]);
                    kind = $"fragment {which} repeated";
                }

                break;
        }

        dataset.Add(new DicomFragmentSequence(PixelDataTag, pixels.VR, table, fragments));
        return kind;
    }

    private static byte[] BasicOffsetTableOf(List<ReadOnlyMemory<byte>> fragments, bool reversed)
    {
        var offsets = new List<uint>();
        uint position = 0;
        foreach (ReadOnlyMemory<byte> f in fragments)
        {
            offsets.Add(position);
            position += 8 + (uint)f.Length;
        }

        if (reversed)
        {
            offsets.Reverse();
        }

        byte[] table = new byte[offsets.Count * 4];
        for (int i = 0; i < offsets.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(i * 4), offsets[i]);
        }

        return table;
    }

    /// <summary>Changes the length of an item of the encapsulated Pixel Data in the file, or cuts the file inside it.</summary>
    private static (byte[] Data, string Kind) DamageFileBytes(byte[] file, Random random)
    {
        List<int> items = ItemHeaders(file);
        if (items.Count == 0 || random.Next(3) == 0)
        {
            int start = items.Count > 0 ? items[0] : file.Length / 2;
            int length = random.Next(start, file.Length);
            return (file.AsSpan(0, length).ToArray(), $"file cut at {length} of {file.Length} bytes");
        }

        byte[] damaged = (byte[])file.Clone();
        int item = items[random.Next(items.Count)];
        uint old = BinaryPrimitives.ReadUInt32LittleEndian(damaged.AsSpan(item + 4));
        uint value = random.Next(3) switch
        {
            0 => uint.MaxValue - 1,
            1 => (uint)(old + (random.Next(1, 9) * 2)),
            _ => (uint)random.Next(0, (int)Math.Min(old + 1, int.MaxValue)) & ~1u,
        };
        BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(item + 4), value);
        return (damaged, $"item at {item} given length {value} (was {old})");
    }

    /// <summary>Offsets of the item headers (FFFE,E000) inside the last Pixel Data element of undefined length.</summary>
    private static List<int> ItemHeaders(byte[] file)
    {
        var items = new List<int>();
        ReadOnlySpan<byte> pixelData = [0xE0, 0x7F, 0x10, 0x00];
        int tag = file.AsSpan().LastIndexOf(pixelData);
        if (tag < 0)
        {
            return items;
        }

        // Explicit VR: tag, VR, 2 reserved bytes, 4-byte length FFFFFFFF; implicit VR: tag, 4-byte length.
        int position = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(tag + 4)) == uint.MaxValue ? tag + 8 : tag + 12;
        while (position + 8 <= file.Length && BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position)) == 0xE000FFFE)
        {
            items.Add(position);
            position += 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 4));
        }

        return items;
    }
}

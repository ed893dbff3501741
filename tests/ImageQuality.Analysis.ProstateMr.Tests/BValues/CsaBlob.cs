using System.Buffers.Binary;
using System.Text;

namespace ImageQuality.Analysis.ProstateMr.Tests.BValues;

/// <summary>Writes a CSA2 header blob ("SV10") with the given elements, laid out as Siemens scanners write it.</summary>
internal static class CsaBlob
{
    public static byte[] Build(params (string Name, string VR, string[] Items)[] elements)
    {
        using var ms = new MemoryStream();
        ms.Write("SV10"u8);
        ms.Write([4, 3, 2, 1]);
        Int(ms, elements.Length);
        Int(ms, 77);
        foreach (var (name, vr, items) in elements)
        {
            var nameBytes = new byte[64];
            Encoding.ASCII.GetBytes(name).CopyTo(nameBytes, 0);
            ms.Write(nameBytes);
            Int(ms, 1);
            var vrBytes = new byte[4];
            Encoding.ASCII.GetBytes(vr).CopyTo(vrBytes, 0);
            ms.Write(vrBytes);
            Int(ms, 6);
            Int(ms, items.Length);
            Int(ms, 77);
            foreach (string item in items)
            {
                byte[] text = Encoding.ASCII.GetBytes(item + "\0");
                Int(ms, text.Length);
                Int(ms, text.Length);
                Int(ms, 77);
                Int(ms, text.Length);
                ms.Write(text);
                ms.Write(new byte[((text.Length + 3) & ~3) - text.Length]);
            }
        }

        return ms.ToArray();
    }

    private static void Int(Stream s, int v)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(b, v);
        s.Write(b);
    }
}

using System.Text;

namespace ImageQuality.DictionaryGenerator;

/// <summary>Writes Dictionary/DicomDictionaryData.Generated.cs: every entry, sorted by tag.</summary>
internal static class DictionaryDataWriter
{
    public const string RelativePath = "Dictionary/DicomDictionaryData.Generated.cs";

    private const int PartSize = 250;

    public static string Write(IReadOnlyList<GeneratedEntry> entries, IEnumerable<string> sources, GenerationReport report)
    {
        var sb = new StringBuilder(entries.Count * 96);
        CSharp.WriteHeader(sb, sources);
        sb.Append("namespace ImageQuality.Dicom.Dictionary;\n\n");
        sb.Append("/// <summary>\n");
        sb.Append("/// ").Append(report.PublicExact).Append(" public tags, ").Append(report.PublicRepeating)
            .Append(" public repeating (tag, mask) entries, ").Append(report.PrivateExact).Append(" private tags and ")
            .Append(report.PrivateRepeating).Append(" private repeating entries.\n");
        sb.Append("/// </summary>\n");
        sb.Append("internal static class DicomDictionaryData\n{\n");
        sb.Append("    internal static readonly DicomDictionaryEntry[] Entries = Create();\n\n");

        // One huge method of object creations takes the JIT seconds; a few hundred entries a method take it milliseconds.
        int parts = (entries.Count + PartSize - 1) / PartSize;
        sb.Append("    private static DicomDictionaryEntry[] Create()\n    {\n");
        sb.Append("        var entries = new DicomDictionaryEntry[").Append(entries.Count).Append("];\n");
        for (int p = 0; p < parts; p++)
        {
            sb.Append("        Part").Append(p).Append("(entries);\n");
        }

        sb.Append("        return entries;\n    }\n");
        for (int p = 0; p < parts; p++)
        {
            sb.Append("\n    private static void Part").Append(p).Append("(DicomDictionaryEntry[] e)\n    {\n");
            for (int i = p * PartSize; i < Math.Min(entries.Count, (p + 1) * PartSize); i++)
            {
                sb.Append("        e[").Append(i).Append("] = ");
                AppendEntry(sb, entries[i]);
                sb.Append(";\n");
            }

            sb.Append("    }\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static void AppendEntry(StringBuilder sb, GeneratedEntry e)
    {
        sb.Append("new(").Append(CSharp.Hex8(e.Tag)).Append(", ").Append(CSharp.Hex8(e.Mask)).Append(", [");
        for (int i = 0; i < e.VRs.Count; i++)
        {
            sb.Append(i == 0 ? "DicomVR." : ", DicomVR.").Append(e.VRs[i]);
        }

        sb.Append("], ").Append(CSharp.Literal(e.VM)).Append(", ").Append(CSharp.Literal(e.Keyword))
            .Append(e.IsRetired ? ", true" : ", false");
        if (e.PrivateCreator is not null)
        {
            sb.Append(", ").Append(CSharp.Literal(e.PrivateCreator));
        }

        sb.Append(')');
    }
}

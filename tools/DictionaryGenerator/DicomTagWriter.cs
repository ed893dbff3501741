using System.Globalization;
using System.Text;

namespace ImageQuality.DictionaryGenerator;

/// <summary>
/// Writes DicomTag.Generated.cs: a named tag for every single public tag of the dictionary. They are properties, not
/// static readonly fields: thousands of field initializers would make DicomTag's static constructor, run on the first
/// use of any of its static fields (DicomTag.Item in every parser), cost a hundred milliseconds of JIT time.
/// </summary>
internal static class DicomTagWriter
{
    public const string RelativePath = "DicomTag.Generated.cs";

    /// <summary>Members of the hand-written DicomTag.cs and of object, which a keyword must not hide or repeat.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal)
    {
        "DicomTag", "Value", "Group", "Element", "IsPrivate", "IsPrivateCreator", "PrivateCreatorTag", "IsGroupLength",
        "Item", "ItemDelimitationItem", "SequenceDelimitationItem", "Equals", "GetHashCode", "CompareTo", "ToString",
        "TryParse", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    public static string Write(IReadOnlyList<GeneratedEntry> entries, IEnumerable<string> sources, GenerationReport report)
    {
        var sb = new StringBuilder(entries.Count * 120);
        CSharp.WriteHeader(sb, sources);
        sb.Append("namespace ImageQuality.Dicom;\n\n");
        sb.Append("public readonly partial struct DicomTag\n{\n");
        var written = new HashSet<string>(StringComparer.Ordinal);
        bool first = true;
        foreach (GeneratedEntry e in entries)
        {
            if (e.PrivateCreator is not null || e.IsRepeating)
            {
                continue;
            }

            if (!CSharp.IsIdentifier(e.Keyword) || Taken.Contains(e.Keyword) || !written.Add(e.Keyword))
            {
                report.SkippedTagConstants++;
                report.Notes.Add($"DicomTag: no constant for {e.Keyword} {Format(e.Tag)}: not a free C# identifier.");
                continue;
            }

            if (!first)
            {
                sb.Append('\n');
            }

            first = false;
            sb.Append("    /// <summary>").Append(Format(e.Tag)).Append(' ')
                .Append(e.VRs.Count == 0 ? "no VR" : string.Join(" or ", e.VRs)).Append(", VM ").Append(e.VM)
                .Append(e.IsRetired ? ". Retired." : ".").Append("</summary>\n");
            sb.Append("    public static DicomTag ").Append(e.Keyword).Append(" => new(")
                .Append(CSharp.Hex8(e.Tag)).Append(");\n");
            report.TagConstants++;
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Format(uint tag) =>
        string.Create(CultureInfo.InvariantCulture, $"({tag >> 16:X4},{tag & 0xFFFF:X4})");
}

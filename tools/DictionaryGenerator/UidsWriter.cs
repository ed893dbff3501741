using System.Text;

namespace ImageQuality.DictionaryGenerator;

/// <summary>Writes DicomUids.Generated.cs: a constant per UID keyword and the table behind DicomUids.Find.</summary>
internal static class UidsWriter
{
    public const string RelativePath = "DicomUids.Generated.cs";

    /// <summary>Members of the hand-written DicomUids.cs.</summary>
    private static readonly HashSet<string> Taken = new(StringComparer.Ordinal)
    {
        "DicomUids", "Find", "All", "IsStorageSopClass", "Table", "ByUid", "StorageSopClasses",
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize",
    };

    /// <summary>pydicom's type column (PS3.6 table A-1) to the DicomUidType member name.</summary>
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Transfer Syntax"] = "TransferSyntax",
        ["SOP Class"] = "SopClass",
        ["Meta SOP Class"] = "MetaSopClass",
        ["Well-known SOP Instance"] = "WellKnownSopInstance",
        ["Well-known Printer SOP Instance"] = "WellKnownSopInstance",
        ["Well-known Print Queue SOP Instance"] = "WellKnownSopInstance",
        ["Well-known frame of reference"] = "WellKnownFrameOfReference",
        ["Synchronization Frame of Reference"] = "SynchronizationFrameOfReference",
        ["Application Context Name"] = "ApplicationContextName",
        ["Coding Scheme"] = "CodingScheme",
        ["DICOM UIDs as a Coding Scheme"] = "CodingScheme",
        ["Service Class"] = "ServiceClass",
        ["Application Hosting Model"] = "ApplicationHostingModel",
        ["LDAP OID"] = "Ldap",
        ["Mapping Resource"] = "MappingResource",
    };

    public static string Write(IReadOnlyList<PydicomUid> uids, IEnumerable<string> sources, GenerationReport report)
    {
        List<PydicomUid> sorted = [.. uids];
        sorted.Sort((a, b) => CompareUids(a.Uid, b.Uid));
        var sb = new StringBuilder(sorted.Count * 220);
        CSharp.WriteHeader(sb, sources);
        sb.Append("namespace ImageQuality.Dicom;\n\n");
        sb.Append("public static partial class DicomUids\n{\n");
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (PydicomUid u in sorted)
        {
            if (u.Keyword.Length == 0)
            {
                report.Notes.Add($"DicomUids: {u.Uid} has no keyword, so no constant.");
                continue;
            }

            if (!CSharp.IsIdentifier(u.Keyword) || Taken.Contains(u.Keyword) || !written.Add(u.Keyword))
            {
                report.Problems.Add($"_uid_dict.py: the keyword '{u.Keyword}' of {u.Uid} is not a free C# identifier.");
                continue;
            }

            sb.Append("    /// <summary>").Append(CSharp.XmlText(u.Name)).Append(" (").Append(CSharp.XmlText(u.Type))
                .Append(u.IsRetired ? "). Retired." : ").").Append("</summary>\n");
            sb.Append("    public const string ").Append(u.Keyword).Append(" = ").Append(CSharp.Literal(u.Uid)).Append(";\n\n");
            report.UidConstants++;
        }

        sb.Append("    private static readonly DicomUidInfo[] Table =\n    [\n");
        foreach (PydicomUid u in sorted)
        {
            if (!Types.TryGetValue(u.Type, out string? type))
            {
                type = "Other";
                report.Notes.Add($"DicomUids: {u.Uid} has the type '{u.Type}', written as Other.");
            }

            sb.Append("        new(").Append(CSharp.Literal(u.Uid)).Append(", ").Append(CSharp.Literal(u.Name)).Append(", ")
                .Append(CSharp.Literal(u.Keyword)).Append(", DicomUidType.").Append(type)
                .Append(u.IsRetired ? ", true" : ", false").Append("),\n");
            report.Uids++;
        }

        sb.Append("    ];\n}\n");
        return sb.ToString();
    }

    /// <summary>Component by component, numerically, so that 1.2.10 follows 1.2.9.</summary>
    internal static int CompareUids(string a, string b)
    {
        string[] x = a.Split('.');
        string[] y = b.Split('.');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            int c = x[i].Length.CompareTo(y[i].Length);
            if (c == 0)
            {
                c = string.CompareOrdinal(x[i], y[i]);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}

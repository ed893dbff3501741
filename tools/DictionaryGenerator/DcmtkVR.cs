namespace ImageQuality.DictionaryGenerator;

/// <summary>Maps dcmtk's VR column, including its lower-case pseudo-VRs, to the VRs of PS3.5.</summary>
internal static class DcmtkVR
{
    private static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "AE", "AS", "AT", "CS", "DA", "DS", "DT", "FD", "FL", "IS", "LO", "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN",
        "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL", "UN", "UR", "US", "UT", "UV",
    };

    /// <summary>
    /// The allowed VRs, the first being the default, for a VR column such as "PN", "xs" or "OB or OW";
    /// false for a VR that neither PS3.5 nor dcmtk's format defines.
    /// </summary>
    public static bool TryMap(string column, out List<string> vrs)
    {
        vrs = [];
        foreach (string part in column.Split(" or ", StringSplitOptions.TrimEntries))
        {
            switch (part)
            {
                case "xs":
                    vrs.AddRange(["US", "SS"]);
                    break;
                case "ox" or "px":
                    vrs.AddRange(["OB", "OW"]);
                    break;
                case "lt":
                    vrs.AddRange(["US", "SS", "OW"]);
                    break;

                // Offsets in DICOMDIRs; dcmtk marks them only to update them on writing.
                case "up":
                    vrs.Add("UL");
                    break;

                // Item and delimitation tags carry no VR.
                case "na":
                    break;
                case var vr when Standard.Contains(vr):
                    vrs.Add(vr);
                    break;
                default:
                    return false;
            }
        }

        vrs = [.. vrs.Distinct(StringComparer.Ordinal)];
        return true;
    }
}
